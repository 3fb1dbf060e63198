// The Spark job's projection for association rules (the baskets cypher/rules/baskets.cypher reads for the in-JVM
// miner): one row per order line, naming the order and the product. Anonymous orders are baskets too; the job drops
// cancelled ones unless asked. Ordered by the indexed order id, so the connector's partitions neither overlap nor
// miss a row.
// Parameters: none. Index: constraint order_id.
MATCH (o:Order)
WHERE o.orderId IS NOT NULL
MATCH (o)-[:CONTAINS]->(p:Product)
RETURN o.orderId AS orderId, p.productId AS productId, coalesce(o.status, 'completed') AS status
ORDER BY o.orderId
