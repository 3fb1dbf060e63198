// The customers' countries by revenue up to $asOf (non-cancelled orders), with the number of buying customers.
// Spend is summed per customer first, so no per-country set of customers is built. The date filter comes after
// the expansion (WITH), so the planner expands each customer's orders instead of range-scanning the order_date
// index once per customer.
// Parameters: $asOf (date), $limit.
MATCH (c:Customer)-[:PLACED]->(o:Order)
WITH c, o
WHERE o.orderDate <= $asOf AND coalesce(o.status, 'completed') <> 'cancelled'
WITH c, sum(o.total) AS spent
WITH coalesce(c.country, '(unknown)') AS country, sum(spent) AS revenue, count(*) AS customers
ORDER BY revenue DESC, country
LIMIT $limit
RETURN country, round(revenue, 2) AS revenue, customers
