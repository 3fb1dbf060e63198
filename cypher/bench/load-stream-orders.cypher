// The bench's sustained stream of order events written as one CSV file and loaded with plain LOAD CSV and MERGE, as
// a nightly file would be: the yardstick bench/streaming.sh measures the stream's throughput against. It does what the
// stream does to the graph for these orders (the customer with its identity, the order under its idempotency key,
// its one line and its total) but without the stream's validation, identity resolution and dead letters.
// Parameters: $file, a file name under the server's import directory (server.directories.import).
// Index: constraints customer_id, identity_key, product_id, order_idempotency_key (cypher/schema).
LOAD CSV WITH HEADERS FROM 'file:///' + $file AS row
CALL (row) {
  MERGE (c:Customer {customerId: row.customer_id})
  MERGE (i:Identity {source: 'shop', externalId: row.customer_id})
  MERGE (i)-[:IDENTIFIES]->(c)
  MERGE (p:Product {productId: row.product_id})
  MERGE (o:Order {idempotencyKey: row.idempotency_key})
  ON CREATE SET o.orderId = row.idempotency_key, o.orderDate = date(row.order_date), o.status = 'completed',
                o.source = 'stream',
                o.total = round(toInteger(row.quantity) * toFloat(row.unit_price), 2)
  MERGE (c)-[:PLACED]->(o)
  MERGE (o)-[l:CONTAINS]->(p)
  ON CREATE SET l.quantity = toInteger(row.quantity), l.unitPrice = toFloat(row.unit_price), l.discount = 0.0
} IN TRANSACTIONS OF 5000 ROWS
