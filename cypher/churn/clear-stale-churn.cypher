// After a churn run has written its customers, removes what an earlier run left on customers this one did not score
// (they have no purchase yet), so every churn probability on the graph comes from one run.
// Parameters: $runId.
MATCH (c:Customer)
WHERE c.churnRunId IS NOT NULL AND c.churnRunId <> $runId
REMOVE c.churnProbability, c.churnRunId, c.churnAsOf, c.churnHorizonDays
RETURN count(c) AS cleared
