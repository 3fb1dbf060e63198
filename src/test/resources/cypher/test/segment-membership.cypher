// Test-only: segments and IN_SEGMENT memberships on the graph, current or not, and customers in more than one.
CALL { MATCH (s:Segment) RETURN count(s) AS segments, sum(CASE WHEN s.current THEN 1 ELSE 0 END) AS current }
CALL { MATCH (:Customer)-[m:IN_SEGMENT]->(:Segment) RETURN count(m) AS memberships }
CALL {
  MATCH (c:Customer)-[:IN_SEGMENT]->(:Segment {current: true})
  WITH c, count(*) AS n WHERE n > 1
  RETURN count(c) AS inSeveral
}
RETURN segments, current, memberships, inSeveral
