// Test: the recorded runs of one kind (value, segment, churn, rules, similarity), with their state.
// Parameters: $kind.
MATCH (run:AnalyticsRun {kind: $kind})
RETURN run.runId AS runId, run.status AS status, run.finishedAt IS NOT NULL AS finished
