// Test-only: each order's id, status, total, customer and line count.
// Parameters: none.
MATCH (o:Order)
OPTIONAL MATCH (c:Customer)-[:PLACED]->(o)
RETURN o.orderId AS orderId, o.status AS status, o.total AS total, c.customerId AS customerId,
       COUNT { (o)-[:CONTAINS]->() } AS lines
