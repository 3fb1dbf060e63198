// The Spark job's projection for customer analytics (the rows cypher/analytics/customer-histories.cypher groups in
// the database, for the job to group on the cluster): every order a customer placed, with its day, total and status.
// Anonymous orders have no customer and are not read; the job drops cancelled ones unless asked, and orders after
// its as-of date. Ordered by the indexed order id, so the connector's partitions (SKIP/LIMIT pages of this query)
// neither overlap nor miss a row.
// Parameters: none (the connector reads the query as it is). Index: constraint order_id.
MATCH (o:Order)
WHERE o.orderId IS NOT NULL
MATCH (c:Customer)-[:PLACED]->(o)
RETURN c.customerId AS customerId, o.orderDate AS orderDate, toFloat(o.total) AS total,
       coalesce(o.status, 'completed') AS status
ORDER BY o.orderId
