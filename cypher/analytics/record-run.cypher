// Records a finished analytics run: when, as of which date, with which parameters, and its headline metrics
// (fitted model parameters as properties; the full parameter set and report as JSON text). The run's node was
// created RUNNING by analytics/start-run; from here on it is SUCCEEDED and "the latest run".
// Parameters: $run = {runId, kind, asOf, startedAt, finishedAt, parameters, metrics, r, alpha, a, b, p, q, v,
//             customers, timeUnit, horizon}.
MATCH (run:AnalyticsRun {runId: $run.runId})
SET run += $run, run.status = 'SUCCEEDED'
