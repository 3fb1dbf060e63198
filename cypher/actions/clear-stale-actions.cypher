// After an actions run has written its customers, removes what an earlier run left on customers this one did not
// decide (no longer analysed), so every next best action on the graph comes from one run and one policy.
// Parameters: $runId.
MATCH (c:Customer)
WHERE c.nextActionRunId IS NOT NULL AND c.nextActionRunId <> $runId
REMOVE c.nextAction, c.nextActionLabel, c.nextActionValue, c.nextActionUplift, c.nextActionBaseline,
       c.nextActionReasons, c.nextActionProductId, c.nextActionRunId, c.nextActionAt
RETURN count(c) AS cleared
