// Deletes up to $batch SIMILAR relationships left by an earlier run (customers who no longer bought anything, or
// were merged away). Called until it returns 0, so no transaction holds too many deletions.
// Parameters: $runId (the run that just finished), $batch.
MATCH (:Customer)-[s:SIMILAR]->(:Customer)
WHERE s.runId <> $runId
WITH s LIMIT $batch
DELETE s
RETURN count(*) AS deleted
