// Everything the recommender weighs for one customer, read in one go (see docs/recommendations.md):
//   owned       products the customer bought (units on orders that were not cancelled add up to more than zero)
//   returned    products the customer only ever had on cancelled orders, or returned in full
//   neighbours  the customer's materialised SIMILAR customers (best $neighbours), each with what they bought
//   rules       BOUGHT_WITH rules leading from an owned product to another product
//   segmentId / segmentName / country   for the popularity prior (cold start)
// No row when the customer does not exist.
// Parameters: $customerId, $neighbours (how many similar customers to use).
// Index: constraint customer_id.
MATCH (c:Customer {customerId: $customerId})
CALL (c) {
  OPTIONAL MATCH (c)-[:PLACED]->(o:Order)-[l:CONTAINS]->(p:Product)
  WITH p, sum(CASE WHEN coalesce(o.status, 'completed') <> 'cancelled' THEN l.quantity ELSE 0 END) AS units
  RETURN collect(CASE WHEN units > 0 THEN p.productId END) AS owned,
         collect(CASE WHEN units <= 0 THEN p.productId END) AS returned
}
CALL (c) {
  OPTIONAL MATCH (c)-[s:SIMILAR]->(n:Customer)
  WITH n, s
  ORDER BY s.rank
  LIMIT $neighbours
  OPTIONAL MATCH (n)-[:PLACED]->(o:Order)-[l:CONTAINS]->(p:Product)
  WHERE coalesce(o.status, 'completed') <> 'cancelled'
  WITH n, s, p, sum(l.quantity) AS units
  WHERE units > 0
  WITH n, s, collect(p.productId) AS products
  RETURN collect({customerId: n.customerId, name: n.name, score: s.score, products: products}) AS neighbours
}
CALL (c) {
  OPTIONAL MATCH (c)-[:PLACED]->(o:Order)-[:CONTAINS]->(a:Product)-[r:BOUGHT_WITH]->(b:Product)
  WHERE coalesce(o.status, 'completed') <> 'cancelled'
  WITH DISTINCT a, r, b
  WHERE r IS NOT NULL
  RETURN collect({from: a.productId, fromName: a.name, productId: b.productId, name: b.name,
                  confidence: r.confidence, lift: r.lift}) AS rules
}
OPTIONAL MATCH (c)-[:IN_SEGMENT]->(segment:Segment {current: true})
RETURN c.customerId AS customerId, c.country AS country, segment.segmentId AS segmentId,
       segment.name AS segmentName, owned, returned, neighbours, rules
