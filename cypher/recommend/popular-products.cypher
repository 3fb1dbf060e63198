// How many customers bought each product, per current segment and per country: the popularity prior behind
// recommendations for customers with little or no history, and the list of products that were ever sold (a product
// seen only on cancelled orders is never recommended). "Bought" as everywhere in recommendations: units on orders
// that were not cancelled add up to more than zero.
// Parameters: none.
MATCH (c:Customer)-[:PLACED]->(o:Order)-[l:CONTAINS]->(p:Product)
WHERE coalesce(o.status, 'completed') <> 'cancelled'
WITH c, p, sum(l.quantity) AS units
WHERE units > 0
OPTIONAL MATCH (c)-[:IN_SEGMENT]->(s:Segment {current: true})
RETURN p.productId AS productId, p.name AS name, s.segmentId AS segmentId, s.name AS segmentName,
       c.country AS country, count(c) AS buyers
