// Test: how many orders have this id, and the first one's total and customer.
// Parameters: $orderId.
OPTIONAL MATCH (c:Customer)-[:PLACED]->(o:Order {orderId: $orderId})
RETURN count(o) AS orders, collect(o.total)[0] AS total, collect(c.customerId)[0] AS customerId
