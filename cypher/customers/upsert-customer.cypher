// Creates a customer or changes its profile, from the API. $changes holds only the fields the caller sent; a field
// sent as null is removed. The customer's 'api' identity carries its email and phone, so identity resolution matches
// a later import of the same person to it.
// Parameters: $customerId, $changes (map), $at (datetime). Indexes: constraints customer_id, identity_key.
MERGE (c:Customer {customerId: $customerId})
ON CREATE SET c.createdAt = $at
SET c += $changes, c.updatedAt = $at
WITH c, EXISTS { (:Identity)-[:IDENTIFIES {primary: true}]->(c) } AS hasPrimary
MERGE (i:Identity {source: 'api', externalId: $customerId})
SET i.email = c.email, i.phone = c.phone
MERGE (i)-[link:IDENTIFIES]->(c)
ON CREATE SET link.primary = NOT hasPrimary
