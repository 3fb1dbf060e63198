// Marks a value run that failed while writing (an error, not a dead process) as FAILED, with the reason. Customers
// it had already written keep its values, labelled with its runId (valueRunId), until the next run replaces them;
// readers of "the latest run" pass it by, and health shows WARN until then.
// Parameters: $runId, $reason, $at (datetime). Index: none (a handful of runs).
MATCH (run:AnalyticsRun {runId: $runId, status: 'RUNNING'})
SET run.status = 'FAILED', run.failure = $reason, run.failedAt = $at
