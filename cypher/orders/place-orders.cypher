// Creates a batch of orders (a stream's events) with their lines, each exactly as orders/place-order creates one:
// (:Customer)-[:PLACED]->(:Order)-[:CONTAINS {lineId, quantity, unitPrice, discount}]->(:Product), the total from the
// lines rounded to the cent. The caller has checked that customers and products exist and that ids and keys are free.
// Parameters: $orders = [{orderId, customerId, orderDate, idempotencyKey, requestFingerprint, source,
//             lines: [{lineId, productId, quantity, unitPrice, discount}]}].
// Index: constraints customer_id, product_id, order_id, order_idempotency_key.
UNWIND $orders AS order
MATCH (c:Customer {customerId: order.customerId})
CREATE (c)-[:PLACED]->(o:Order {orderId: order.orderId, orderDate: order.orderDate, status: 'completed',
                               source: order.source, idempotencyKey: order.idempotencyKey,
                               requestFingerprint: order.requestFingerprint})
WITH o, order
CALL (o, order) {
  UNWIND order.lines AS line
  MATCH (p:Product {productId: line.productId})
  CREATE (o)-[:CONTAINS {lineId: line.lineId, quantity: line.quantity, unitPrice: line.unitPrice,
                         discount: line.discount}]->(p)
}
CALL (o) {
  MATCH (o)-[l:CONTAINS]->()
  // Whole ten-thousandths, as orders/place-order: the sum is exact in any order, and a half cent rounds up.
  RETURN round(sum(round(l.unitPrice * l.quantity * (1 - l.discount) * 10000)) / 10000.0, 2) AS total
}
SET o.total = total
