// Tests: removes the segment $segmentId and its memberships.
// Parameters: $segmentId.
MATCH (s:Segment {segmentId: $segmentId})
DETACH DELETE s
