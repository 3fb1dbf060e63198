package dev.custograph.graph;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * What a finished run of any kind (value, segment, churn, rules, similarity) records on its {@code (:AnalyticsRun)}
 * node, written by {@code cypher/analytics/record-run.cypher}: its id and kind, when it finished, and whatever else
 * the run has to say. Parameters and reports are kept as JSON text, figures worth querying in Browser as properties.
 * One shape for every kind, so GraphQL's {@code AnalyticsRun} and an analyst's query read them all alike.
 */
public final class RunRecord {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> run = new HashMap<>();

    private final GraphChange change;

    private RunRecord(GraphChange.RunKind kind, String runId) {
        this.change = new GraphChange.RunWrote(kind);
        run.put("runId", runId);
        run.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
        run.put("finishedAt", OffsetDateTime.now());
    }

    /** The record of the run {@code runId} of {@code kind}, finishing now. */
    public static RunRecord finished(GraphChange.RunKind kind, String runId) {
        return new RunRecord(kind, runId);
    }

    /** A property of the run: a date, a figure, a fitted parameter. */
    public RunRecord with(String property, Object value) {
        run.put(property, value);
        return this;
    }

    /** A property kept as JSON text: a run's parameters or whole report. */
    public RunRecord withJson(String property, Object value) {
        return with(property, JSON.writeValueAsString(value));
    }

    /** The statement that records it, to run alone or in one transaction with the run's last writes. */
    public Graph.Statement statement() {
        return new Graph.Statement("analytics/record-run", Map.of("run", run), change);
    }

    /** Records it now, in its own transaction. */
    public void writeTo(Graph graph) {
        Graph.Statement statement = statement();
        graph.write(statement.name(), statement.parameters(), statement.change());
    }
}
