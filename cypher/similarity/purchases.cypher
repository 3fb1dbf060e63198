// What every customer bought, projected into memory for finding similar customers and for serving recommendations:
// for each customer, the products whose units on orders that were not cancelled add up to more than zero, with those
// units (the same definition of "bought" as similar-customers.cypher), and the products it had only on cancelled
// orders or returned in full.
// Parameters: none.
MATCH (c:Customer)-[:PLACED]->(o:Order)-[l:CONTAINS]->(p:Product)
WITH c, p, sum(CASE WHEN coalesce(o.status, 'completed') <> 'cancelled' THEN l.quantity ELSE 0 END) AS q
WITH c, collect(CASE WHEN q > 0 THEN [p.productId, q] END) AS bought,
     collect(CASE WHEN q <= 0 THEN p.productId END) AS returned
RETURN c.customerId AS customerId, [b IN bought | b[0]] AS products, [b IN bought | b[1]] AS quantities, returned
