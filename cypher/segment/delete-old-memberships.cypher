// Deletes up to $batch memberships of segments that are not current: those of the run a new run replaced, or of a
// run that stopped before it finished. Called until it returns 0, so no transaction holds a million deletions.
// Parameters: $batch.
MATCH (:Customer)-[member:IN_SEGMENT]->(s:Segment)
WHERE s.current <> true
WITH member LIMIT $batch
DELETE member
RETURN count(*) AS deleted
