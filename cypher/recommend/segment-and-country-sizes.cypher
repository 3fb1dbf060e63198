// How many customers bought anything, per current segment and per country: the denominators of the popularity
// prior's shares (popular-products.cypher).
// Parameters: none.
MATCH (c:Customer)
WHERE EXISTS {
  MATCH (c)-[:PLACED]->(o:Order)
  WHERE coalesce(o.status, 'completed') <> 'cancelled'
}
OPTIONAL MATCH (c)-[:IN_SEGMENT]->(s:Segment {current: true})
RETURN s.segmentId AS segmentId, c.country AS country, count(c) AS customers
