// Records a finished analytics run: when, as of which date, with which parameters, and its headline metrics
// (fitted model parameters as properties; the full parameter set and report as JSON text).
// Parameters: $run = {runId, kind, asOf, startedAt, finishedAt, parameters, metrics, r, alpha, a, b, p, q, v,
//             customers, timeUnit, horizon}.
CREATE (run:AnalyticsRun)
SET run = $run
