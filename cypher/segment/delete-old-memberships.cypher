// Deletes up to $batch memberships of segments that are not current: those of the run a new run replaced, or of a
// run that stopped before it finished. Called until it returns 0, so no transaction holds a million deletions. It
// starts from the few segments (WITH s), never from the customers, so each batch costs the same.
// Parameters: $batch.
MATCH (s:Segment)
WHERE s.current <> true
WITH s
MATCH (s)<-[member:IN_SEGMENT]-(:Customer)
WITH member LIMIT $batch
DELETE member
RETURN count(*) AS deleted
