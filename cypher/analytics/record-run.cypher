// Records a finished analytics run: when, as of which date, with which parameters, and its headline metrics
// (fitted model parameters as properties; the full parameter set and report as JSON text). A value run's node was
// created RUNNING by analytics/start-run; from here on it is SUCCEEDED and "the latest run". Segment, churn, rules and
// similarity runs write in one step and have no RUNNING node: theirs is created here.
// Parameters: $run = {runId, kind, asOf, startedAt, finishedAt, parameters, metrics, r, alpha, a, b, p, q, v,
//             customers, timeUnit, horizon}.
MERGE (run:AnalyticsRun {runId: $run.runId})
SET run += $run, run.status = 'SUCCEEDED'
