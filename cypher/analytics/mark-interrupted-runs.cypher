// Marks value runs that started before $before and never finished as INTERRUPTED: their process died (kill -9, a
// power cut) between analytics/start-run and analytics/record-run. Customers such a run had already written keep
// its values, labelled with its runId (valueRunId), until the next run replaces them; health shows WARN until then.
// Parameters: $before (datetime).
MATCH (run:AnalyticsRun {status: 'RUNNING'})
WHERE run.startedAt < $before
SET run.status = 'INTERRUPTED'
RETURN count(run) AS interrupted
