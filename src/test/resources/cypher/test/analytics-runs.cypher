// Test: every value analytics run with its state and failure reason, oldest first.
// Parameters: none.
MATCH (run:AnalyticsRun)
RETURN run.runId AS runId, run.status AS status, run.failure AS failure
ORDER BY run.startedAt
