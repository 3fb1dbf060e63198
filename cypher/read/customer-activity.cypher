// How many customers there are, and how many are active: they placed an order that was not cancelled within
// $activeDays days before the last such order in the graph (the data's own "today", so an old data set is judged by
// its own end).
// Parameters: $activeDays. Index: order_date.
MATCH (o:Order)
WHERE coalesce(o.status, 'completed') <> 'cancelled'
WITH max(o.orderDate) AS lastOrder
CALL (lastOrder) {
  MATCH (c:Customer)
  RETURN count(c) AS customers
}
CALL (lastOrder) {
  MATCH (c:Customer)-[:PLACED]->(o:Order)
  WHERE lastOrder IS NOT NULL AND o.orderDate > lastOrder - duration({days: $activeDays})
    AND coalesce(o.status, 'completed') <> 'cancelled'
  RETURN count(DISTINCT c) AS active
}
RETURN customers, active, lastOrder
