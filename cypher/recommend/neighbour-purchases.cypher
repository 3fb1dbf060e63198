// What each of a few customers bought (units on orders that were not cancelled add up to more than zero): the
// purchases of neighbours found live, for a customer who has no materialised SIMILAR yet.
// Parameters: $ids = [customerId]. Index: constraint customer_id.
UNWIND $ids AS id
MATCH (n:Customer {customerId: id})-[:PLACED]->(o:Order)-[l:CONTAINS]->(p:Product)
WHERE coalesce(o.status, 'completed') <> 'cancelled'
WITH n, p, sum(l.quantity) AS units
WHERE units > 0
RETURN n.customerId AS customerId, collect(p.productId) AS products
