// Test: the customer a source's id resolves to, with its profile and how many orders it placed.
// Parameters: $source, $externalId.
MATCH (:Identity {source: $source, externalId: $externalId})-[:IDENTIFIES]->(c:Customer)
RETURN c.customerId AS customerId, c.name AS name, c.email AS email, c.country AS country,
       COUNT { (c)-[:PLACED]->(:Order) } AS orders
