// Test-only: every relationship with its type, properties and the business keys of its two ends, to compare two
// graphs relationship for relationship.
// Parameters: none.
MATCH (a)-[r]->(b)
RETURN type(r) AS type, properties(r) AS properties,
       labels(a) AS fromLabels, coalesce(a.customerId, a.orderId, a.productId, a.source + '/' + a.externalId, a.name)
         AS fromKey,
       labels(b) AS toLabels, coalesce(b.customerId, b.orderId, b.productId, b.source + '/' + b.externalId, b.name)
         AS toKey
