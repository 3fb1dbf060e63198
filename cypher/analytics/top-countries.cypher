// The customers' countries by revenue up to $asOf (non-cancelled orders), with the number of buying customers.
// Parameters: $asOf (date), $limit. Index: order_date.
MATCH (c:Customer)-[:PLACED]->(o:Order)
WHERE o.orderDate <= $asOf AND coalesce(o.status, 'completed') <> 'cancelled'
WITH coalesce(c.country, '(unknown)') AS country, sum(o.total) AS revenue, count(DISTINCT c) AS customers
ORDER BY revenue DESC, country
LIMIT $limit
RETURN country, round(revenue, 2) AS revenue, customers
