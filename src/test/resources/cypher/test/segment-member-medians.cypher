// Test-only: each current segment's name with its members' median recency, frequency and spend (as the value run
// wrote them), and the same medians over every analysed customer.
CALL {
  MATCH (c:Customer) WHERE c.valueRunId IS NOT NULL
  RETURN percentileCont(c.recencyDays, 0.5) AS allRecency, percentileCont(c.frequency, 0.5) AS allFrequency,
         percentileCont(c.monetary, 0.5) AS allMonetary
}
MATCH (c:Customer)-[:IN_SEGMENT]->(s:Segment {current: true})
RETURN s.name AS name, count(c) AS size, percentileCont(c.recencyDays, 0.5) AS recency,
       percentileCont(c.frequency, 0.5) AS frequency, percentileCont(c.monetary, 0.5) AS monetary,
       allRecency, allFrequency, allMonetary
