// The Spark job's write of segment memberships, as cypher/segment/assign-customers makes them: one row (event) per
// customer. Every membership of a segment ends on the same node, so the job writes them from one partition: two
// writers locking the same segment node would deadlock (the connector's documented rule for relationships).
// Parameters: event = {segmentId, customerId}. Index: constraints segment_id, customer_id.
MATCH (s:Segment {segmentId: event.segmentId})
MATCH (c:Customer {customerId: event.customerId})
CREATE (c)-[:IN_SEGMENT]->(s)
