// Test-only: the rules of the graph model that every write must keep, one row per rule with how many nodes break it
// and a few of them. A sound graph returns 0 for every rule.
// Parameters: none.
MATCH (o:Order)
OPTIONAL MATCH (o)-[l:CONTAINS]->()
WITH o, round(sum(round(l.unitPrice * l.quantity * (1 - coalesce(l.discount, 0.0)) * 10000)) / 10000.0, 2) AS lines
WHERE o.total IS NULL OR abs(o.total - lines) > 0.005
RETURN 'an order whose total is not the sum of its lines' AS rule, count(o) AS broken,
       collect(o.orderId + ': ' + toString(o.total) + ' vs ' + toString(lines))[0..5] AS examples
UNION ALL
MATCH (o:Order)
WHERE COUNT { (:Customer)-[:PLACED]->(o) } <> 1
RETURN 'an order not placed by exactly one customer' AS rule, count(o) AS broken, collect(o.orderId)[0..5] AS examples
UNION ALL
MATCH (o:Order)
WHERE NOT EXISTS { (o)-[:CONTAINS]->(:Product) }
RETURN 'an order without lines' AS rule, count(o) AS broken, collect(o.orderId)[0..5] AS examples
UNION ALL
MATCH (c:Customer)
WHERE NOT EXISTS { (:Identity)-[:IDENTIFIES]->(c) } AND c.erased IS NULL
RETURN 'a customer without an identity (and not erased)' AS rule, count(c) AS broken, collect(c.customerId)[0..5] AS examples
UNION ALL
MATCH (i:Identity)
WHERE COUNT { (i)-[:IDENTIFIES]->() } <> 1
RETURN 'an identity that does not identify exactly one customer' AS rule, count(i) AS broken,
       collect(i.source + '/' + i.externalId)[0..5] AS examples
