// Creates or updates orders together with their lines, and sets each order's total from all its lines in the
// graph (so lines that arrive in a later batch, or a later file, update it). The customer and the products must
// already exist (the importer writes them first, in the same transaction).
// Parameters: $rows = [{orderId, customerId (null for anonymous), properties: {orderDate, orderedAt, status, ...},
//                       lines: [{lineId, productId, quantity, unitPrice, discount}]}].
// Index: constraints order_id, customer_id, product_id; index order_line_id.
UNWIND $rows AS row
MERGE (o:Order {orderId: row.orderId})
SET o += row.properties
WITH o, row
CALL (o, row) {
  WITH o, row WHERE row.customerId IS NOT NULL
  MATCH (c:Customer {customerId: row.customerId})
  MERGE (c)-[:PLACED]->(o)
}
CALL (o, row) {
  UNWIND row.lines AS line
  MATCH (p:Product {productId: line.productId})
  MERGE (o)-[l:CONTAINS {lineId: line.lineId}]->(p)
  SET l.quantity = line.quantity, l.unitPrice = line.unitPrice, l.discount = line.discount
}
CALL (o) {
  MATCH (o)-[l:CONTAINS]->()
  RETURN round(sum(l.unitPrice * l.quantity * (1 - l.discount)), 2) AS total
}
SET o.total = total
