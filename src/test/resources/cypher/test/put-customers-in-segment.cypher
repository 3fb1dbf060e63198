// Tests: a current segment named $name holding the customers $ids, as a segmentation run would leave it.
// Parameters: $segmentId, $name, $ids.
MERGE (s:Segment {segmentId: $segmentId})
SET s.current = true, s.name = $name
WITH s
UNWIND $ids AS id
MATCH (c:Customer {customerId: id})
MERGE (c)-[:IN_SEGMENT]->(s)
