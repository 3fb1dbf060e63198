// Creates one order placed through the API with its lines, in the graph's usual shape
// (:Customer)-[:PLACED]->(:Order)-[:CONTAINS {lineId, quantity, unitPrice, discount}]->(:Product), and sets its total
// from the lines as the importer does (rounded to the cent).
// Parameters: $order = {orderId, customerId, orderDate, idempotencyKey, requestFingerprint,
//             lines: [{lineId, productId, quantity, unitPrice, discount}]}.
// Index: constraints customer_id, product_id, order_id, order_idempotency_key.
MATCH (c:Customer {customerId: $order.customerId})
CREATE (c)-[:PLACED]->(o:Order {orderId: $order.orderId, orderDate: $order.orderDate, status: 'completed',
                               source: 'api', idempotencyKey: $order.idempotencyKey,
                               requestFingerprint: $order.requestFingerprint})
WITH o
CALL (o) {
  UNWIND $order.lines AS line
  MATCH (p:Product {productId: line.productId})
  CREATE (o)-[:CONTAINS {lineId: line.lineId, quantity: line.quantity, unitPrice: line.unitPrice,
                         discount: line.discount}]->(p)
}
CALL (o) {
  MATCH (o)-[l:CONTAINS]->()
  // Amounts are added as whole ten-thousandths, so the sum is exact in whatever order the lines are met, and a
  // total at an exact half cent always rounds up (a floating sum could land either side of it).
  RETURN round(sum(round(l.unitPrice * l.quantity * (1 - l.discount) * 10000)) / 10000.0, 2) AS total
}
SET o.total = total
