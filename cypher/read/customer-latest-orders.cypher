// The first page of a customer's order history (as read/customer-order-history, newest first) with each order's
// lines (as read/lines-of-orders) and their products (as read/products-by-id), in one read: what a customer's page
// shows first. An order without lines has an empty list.
// Parameters: $customerId, $limit. Index: constraint customer_id.
MATCH (:Customer {customerId: $customerId})-[:PLACED]->(o:Order)
WITH o, toString(o.orderDate) AS sortKey
ORDER BY sortKey DESC, o.orderId DESC
LIMIT $limit
CALL (o) {
  OPTIONAL MATCH (o)-[l:CONTAINS]->(p:Product)
  WITH l, p
  ORDER BY l.lineId
  RETURN collect(CASE WHEN l IS NULL THEN null ELSE {
    l: l {.lineId, .quantity, .unitPrice, .discount},
    p: p {.productId, .name, .price},
    category: COLLECT { MATCH (p)-[:IN_CATEGORY]->(c:Category) RETURN c.name }[0]} END) AS lines
}
// Only the properties shown: whole nodes and relationships cost a third more to send.
RETURN o {.orderId, .orderDate, .status, .total} AS o, $customerId AS customerId, sortKey, lines
ORDER BY sortKey DESC, o.orderId DESC
