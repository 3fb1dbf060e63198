// Every order that was not cancelled with its products (units above zero), date and customer (null for anonymous
// orders): the projection behind `custograph evaluate-recs`, which holds out each customer's last order and
// recommends from the rest.
// Parameters: none.
MATCH (o:Order)-[l:CONTAINS]->(p:Product)
WHERE coalesce(o.status, 'completed') <> 'cancelled'
WITH o, p, sum(l.quantity) AS units
WHERE units > 0
OPTIONAL MATCH (c:Customer)-[:PLACED]->(o)
RETURN o.orderId AS orderId, o.orderDate AS orderDate, c.customerId AS customerId, c.country AS country,
       collect(p.productId) AS products, collect(p.name) AS names
