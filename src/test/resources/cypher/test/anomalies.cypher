// Test-only: the flagged order lines and orders.
// Parameters: none.
CALL {
  MATCH (:Order)-[l:CONTAINS {anomaly: true}]->() RETURN collect(l.lineId) AS lines
}
CALL {
  MATCH (o:Order {anomaly: true}) RETURN collect(o.orderId) AS orders
}
RETURN lines, orders
