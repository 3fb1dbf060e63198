// The customers' countries by revenue up to $asOf (non-cancelled orders), with the number of buying customers.
// Each customer's spend is summed first, so no per-country set of customers is built.
// Parameters: $asOf (date), $limit.
MATCH (c:Customer)
CALL (c) {
  MATCH (c)-[:PLACED]->(o:Order)
  WHERE o.orderDate <= $asOf AND coalesce(o.status, 'completed') <> 'cancelled'
  RETURN sum(o.total) AS spent, count(o) AS orders
}
WITH coalesce(c.country, '(unknown)') AS country, spent, orders
WHERE orders > 0
WITH country, sum(spent) AS revenue, count(*) AS customers
ORDER BY revenue DESC, country
LIMIT $limit
RETURN country, round(revenue, 2) AS revenue, customers
