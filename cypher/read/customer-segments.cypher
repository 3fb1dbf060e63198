// The current segment of each of a batch of customers (none for customers outside the last segmentation).
// Parameters: $ids (customer ids). Index: constraint customer_id.
UNWIND $ids AS id
MATCH (c:Customer {customerId: id})-[:IN_SEGMENT]->(s:Segment {current: true})
RETURN id AS customerId, s.segmentId AS segmentId
