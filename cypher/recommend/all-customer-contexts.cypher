// What customer-context.cypher reads for one customer, read once for every customer, so that the API's recommender
// answers a customer it has not seen yet from memory, without a read: each customer's country and current segment
// (for the popularity prior, with the segment's name for its label) and its materialised SIMILAR customers, best
// $neighbours first.
// Parameters: $neighbours.
MATCH (c:Customer)
CALL (c) {
  OPTIONAL MATCH (c)-[s:SIMILAR]->(n:Customer)
  WITH n, s
  ORDER BY s.rank
  LIMIT $neighbours
  RETURN collect({customerId: n.customerId, score: s.score}) AS neighbours
}
OPTIONAL MATCH (c)-[:IN_SEGMENT]->(segment:Segment {current: true})
RETURN c.customerId AS customerId, c.country AS country, segment.segmentId AS segmentId,
       segment.name AS segmentName, neighbours
