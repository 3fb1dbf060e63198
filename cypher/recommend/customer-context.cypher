// The little about one customer that the API's recommender reads live; what it bought comes from the purchase
// projection held in memory (similarity/purchases.cypher). The customer's country and current segment (for the
// popularity prior) and its materialised SIMILAR customers, best $neighbours first. No row when the customer does
// not exist.
// Parameters: $customerId, $neighbours. Index: constraint customer_id.
MATCH (c:Customer {customerId: $customerId})
CALL (c) {
  OPTIONAL MATCH (c)-[s:SIMILAR]->(n:Customer)
  WITH n, s
  ORDER BY s.rank
  LIMIT $neighbours
  RETURN collect({customerId: n.customerId, name: n.name, score: s.score}) AS neighbours
}
OPTIONAL MATCH (c)-[:IN_SEGMENT]->(segment:Segment {current: true})
RETURN c.country AS country, segment.segmentId AS segmentId, neighbours
