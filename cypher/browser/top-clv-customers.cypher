// For analysts in Neo4j Browser: the 25 customers with the highest predicted lifetime value (from the latest
// `analyze` run), with their RFM segment, probability of being alive and what they bought.
// Parameters: none.
MATCH (c:Customer)
WHERE c.clv IS NOT NULL
WITH c ORDER BY c.clv DESC LIMIT 25
OPTIONAL MATCH (c)-[:PLACED]->(o:Order)
RETURN c.customerId AS customer, c.name AS name, round(c.clv, 2) AS clv, round(c.pAlive, 3) AS pAlive,
       c.rfmSegment AS segment, c.frequency AS orders, round(c.monetary, 2) AS spent, count(o) AS ordersInGraph
ORDER BY clv DESC
