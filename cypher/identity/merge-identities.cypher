// Creates or updates each source's identity and links it to the customer it resolved to. `primary` marks the
// identity that created (or first claimed) its customer: its values overwrite the customer's on a later import,
// while other identities only fill fields the customer lacks.
// Parameters: $rows = [{source, externalId, email, phone, customerId, primary}].
// Index: constraints identity_key, customer_id.
UNWIND $rows AS row
MATCH (c:Customer {customerId: row.customerId})
MERGE (i:Identity {source: row.source, externalId: row.externalId})
SET i.email = row.email, i.phone = row.phone
MERGE (i)-[link:IDENTIFIES]->(c)
ON CREATE SET link.primary = row.primary
