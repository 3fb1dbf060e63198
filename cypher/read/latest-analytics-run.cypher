// The latest finished value analytics run (`analyze`), or the run with $runId when given, with its fitted
// parameters. A run still writing, or one that was interrupted, has no finishedAt and is passed by.
// Parameters: $runId (null for the latest).
MATCH (run:AnalyticsRun)
WHERE ($runId IS NULL AND coalesce(run.kind, 'value') = 'value' AND run.finishedAt IS NOT NULL) OR run.runId = $runId
RETURN run.runId AS runId, run.asOf AS asOf, run.finishedAt AS finishedAt, run.customers AS customers,
       run.timeUnit AS timeUnit, run.horizon AS horizon, run.r AS r, run.alpha AS alpha, run.a AS a, run.b AS b,
       run.p AS p, run.q AS q, run.v AS v, run.warnings AS warnings
ORDER BY run.finishedAt DESC
LIMIT 1
