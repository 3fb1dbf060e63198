// Test-only: one customer's stored properties, the identities resolving to it and the orders it placed.
// Parameters: $customerId.
MATCH (c:Customer {customerId: $customerId})
RETURN properties(c) AS properties,
       [(i:Identity)-[:IDENTIFIES]->(c) | i.source + '/' + i.externalId] AS identities,
       [(c)-[:PLACED]->(o:Order) | o.orderId] AS orders
