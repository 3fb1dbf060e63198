// Test-only: orders by status, anonymous orders, and revenue of completed orders.
// Parameters: none.
MATCH (o:Order)
OPTIONAL MATCH (c:Customer)-[:PLACED]->(o)
WITH o, c
RETURN count(CASE WHEN o.status = 'completed' THEN 1 END) AS completed,
       count(CASE WHEN o.status = 'cancelled' THEN 1 END) AS cancelled,
       count(CASE WHEN c IS NULL THEN 1 END) AS anonymous,
       sum(CASE WHEN o.status = 'completed' THEN o.total ELSE 0 END) AS completedRevenue
