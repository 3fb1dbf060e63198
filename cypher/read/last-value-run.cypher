// The value analytics run started last, finished or not, with its state (RUNNING, SUCCEEDED, INTERRUPTED; runs
// recorded before states existed have none and are finished): for the health check.
// Parameters: none.
MATCH (run:AnalyticsRun)
WHERE coalesce(run.kind, 'value') = 'value'
RETURN run.runId AS runId, coalesce(run.status, 'SUCCEEDED') AS status, run.startedAt AS startedAt,
       run.finishedAt AS finishedAt
ORDER BY coalesce(run.startedAt, run.finishedAt) DESC
LIMIT 1
