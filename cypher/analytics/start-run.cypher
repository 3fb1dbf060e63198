// Records that a value analytics run has started, before it writes anything onto customers. Readers of "the latest
// run" pass a RUNNING run by; analytics/record-run marks it SUCCEEDED once every customer is written. If the process
// dies in between, analytics/mark-interrupted-runs later marks it INTERRUPTED.
// Parameters: $runId, $asOf (date), $startedAt (datetime).
CREATE (:AnalyticsRun {runId: $runId, kind: 'value', status: 'RUNNING', asOf: $asOf, startedAt: $startedAt})
