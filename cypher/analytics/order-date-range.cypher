// The first and last order dates in the graph (cancelled orders included: they are still orders placed), and how
// many customers there are: what `analyze` checks its dates against and defaults --as-of to.
// Parameters: none. Index: order_date (min/max read from the index).
CALL {
  MATCH (o:Order) WHERE o.orderDate IS NOT NULL
  RETURN min(o.orderDate) AS firstOrder, max(o.orderDate) AS lastOrder
}
CALL {
  MATCH (c:Customer) RETURN count(c) AS customers
}
RETURN firstOrder, lastOrder, customers
