// Creates or updates customers; a property absent from the row is left as it was.
// Parameters: $rows = [{customerId, properties: {name, email, phone, country, ...}}]. Index: constraint customer_id.
UNWIND $rows AS row
MERGE (c:Customer {customerId: row.customerId})
SET c += row.properties
