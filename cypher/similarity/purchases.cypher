// What every customer bought, projected for computing similar customers in Java: for each customer, the products
// whose units on orders that were not cancelled add up to more than zero, with those units. The same definition of
// "bought" as similar-customers.cypher.
// Parameters: none.
MATCH (c:Customer)-[:PLACED]->(o:Order)-[l:CONTAINS]->(p:Product)
WHERE coalesce(o.status, 'completed') <> 'cancelled'
WITH c, p, sum(l.quantity) AS q
WHERE q > 0
RETURN c.customerId AS customerId, collect(p.productId) AS products, collect(q) AS quantities
