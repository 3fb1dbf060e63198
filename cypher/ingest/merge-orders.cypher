// Creates or updates orders together with their lines, and sets each order's total from all its lines in the
// graph (so lines that arrive in a later batch, or a later file, update it). The customer and the products must
// already exist (the importer writes them first, in the same transaction).
// A new order's lines are CREATEd: nothing can match them yet, and MERGE would compare each line with all the
// order's others (quadratic in the order's size). An existing order (a re-import, or lines arriving later) has
// its lines MERGEd on lineId, so running the same input twice changes nothing.
// Parameters: $rows = [{orderId, customerId (null for anonymous), properties: {orderDate, orderedAt, status, ...},
//                       lines: [{lineId, productId, quantity, unitPrice, discount}]}], one row per order.
// Index: constraints order_id, customer_id, product_id (an existing order's lines are found by expanding it).
UNWIND $rows AS row
OPTIONAL MATCH (existing:Order {orderId: row.orderId})
WITH row, existing IS NULL AS isNew
MERGE (o:Order {orderId: row.orderId})
SET o += row.properties
WITH o, row, isNew
CALL (o, row) {
  WITH o, row WHERE row.customerId IS NOT NULL
  MATCH (c:Customer {customerId: row.customerId})
  MERGE (c)-[:PLACED]->(o)
}
CALL (o, row, isNew) {
  WITH o, row WHERE isNew
  UNWIND row.lines AS line
  MATCH (p:Product {productId: line.productId})
  CREATE (o)-[:CONTAINS {lineId: line.lineId, quantity: line.quantity, unitPrice: line.unitPrice,
                         discount: line.discount}]->(p)
}
CALL (o, row, isNew) {
  WITH o, row WHERE NOT isNew
  UNWIND row.lines AS line
  MATCH (p:Product {productId: line.productId})
  MERGE (o)-[l:CONTAINS {lineId: line.lineId}]->(p)
  SET l.quantity = line.quantity, l.unitPrice = line.unitPrice, l.discount = line.discount
}
CALL (o) {
  MATCH (o)-[l:CONTAINS]->()
  // Amounts are added as whole ten-thousandths, so the sum is exact in whatever order the lines are met, and a
  // total at an exact half cent always rounds up (a floating sum could land either side of it).
  RETURN round(sum(round(l.unitPrice * l.quantity * (1 - l.discount) * 10000)) / 10000.0, 2) AS total
}
SET o.total = total
