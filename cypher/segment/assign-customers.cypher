// Puts a batch of customers into one segment of the run being written.
// Parameters: $segmentId, $ids (customer ids). Index: constraints segment_id, customer_id.
MATCH (s:Segment {segmentId: $segmentId})
UNWIND $ids AS id
MATCH (c:Customer {customerId: id})
CREATE (c)-[:IN_SEGMENT]->(s)
