// Revenue per calendar month over orders that were not cancelled: the month (yyyy-mm), revenue (sum of order
// totals, rounded to the cent), orders, and distinct buying customers (anonymous orders count in revenue and
// orders only). Oldest first.
// Parameters: none.
MATCH (o:Order)
WHERE coalesce(o.status, 'completed') <> 'cancelled'
OPTIONAL MATCH (c:Customer)-[:PLACED]->(o)
WITH substring(toString(o.orderDate), 0, 7) AS month, o, c
RETURN month, round(sum(o.total), 2) AS revenue, count(o) AS orders, count(DISTINCT c) AS customers
ORDER BY month
