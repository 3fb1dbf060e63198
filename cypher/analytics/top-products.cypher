// The products with the most revenue up to $asOf, over all non-cancelled orders (anonymous ones included: a
// basket is a basket), with units sold and the number of order lines. Orders are filtered first, once each, and
// then expanded to their lines, so each order's date and status are read once, not once per line.
// Parameters: $asOf (date), $limit. Index: order_date.
MATCH (o:Order)
WHERE o.orderDate <= $asOf AND coalesce(o.status, 'completed') <> 'cancelled'
MATCH (o)-[l:CONTAINS]->(p:Product)
WITH p, sum(l.unitPrice * l.quantity * (1 - l.discount)) AS revenue, sum(l.quantity) AS units, count(l) AS lines
ORDER BY revenue DESC, p.productId
LIMIT $limit
RETURN p.productId AS productId, p.name AS name, round(revenue, 2) AS revenue, units, lines
