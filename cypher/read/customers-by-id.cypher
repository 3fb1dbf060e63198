// Customers by id, for customer(id) and for batched look-ups (one query for a whole page of orders' customers).
// Parameters: $ids = [customerId]. Index: constraint customer_id.
UNWIND $ids AS id
MATCH (c:Customer {customerId: id})
RETURN c
