// For analysts in Neo4j Browser: the latest analytics runs, newest first, with their state (RUNNING, SUCCEEDED,
// INTERRUPTED) and fitted parameters.
// Parameters: none.
MATCH (run:AnalyticsRun)
RETURN run.runId AS runId, run.kind AS kind, coalesce(run.status, 'SUCCEEDED') AS status, run.asOf AS asOf,
       run.startedAt AS startedAt, run.finishedAt AS finishedAt, run.customers AS customers,
       run.r AS r, run.alpha AS alpha, run.a AS a, run.b AS b, run.p AS p, run.q AS q, run.v AS gamma
ORDER BY coalesce(run.startedAt, run.finishedAt) DESC
LIMIT 10
