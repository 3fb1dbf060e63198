// The products with the most revenue up to $asOf, over all non-cancelled orders (anonymous ones included: a
// basket is a basket), with units sold and the number of orders containing them.
// Parameters: $asOf (date), $limit. Index: order_date.
MATCH (o:Order)-[l:CONTAINS]->(p:Product)
WHERE o.orderDate <= $asOf AND coalesce(o.status, 'completed') <> 'cancelled'
WITH p, sum(l.unitPrice * l.quantity * (1 - l.discount)) AS revenue, sum(l.quantity) AS units, count(DISTINCT o) AS orders
ORDER BY revenue DESC, p.productId
LIMIT $limit
RETURN p.productId AS productId, p.name AS name, round(revenue, 2) AS revenue, units, orders
