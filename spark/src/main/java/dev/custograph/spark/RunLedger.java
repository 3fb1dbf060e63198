package dev.custograph.spark;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How a Spark run records itself on the graph, exactly as the in-JVM engine's runs do (cypher/analytics/): the
 * {@code (:AnalyticsRun)} node with its id, kind, dates, parameters and report as JSON text and its headline figures
 * as properties, so GraphQL and Neo4j Browser read both engines' runs alike. The node also says
 * {@code engine: 'spark'}, for an operator who wants to know. After its writes a run bumps the shared change counter
 * (cypher/cache/bump-epoch), which every serving instance polls: their caches drop what the run replaced.
 */
final class RunLedger {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Neo4jGraph graph;
    private final String kind;
    private final String runId = UUID.randomUUID().toString();
    private final OffsetDateTime startedAt = OffsetDateTime.now();

    RunLedger(Neo4jGraph graph, String kind) {
        this.graph = graph;
        this.kind = kind;
    }

    String runId() {
        return runId;
    }

    OffsetDateTime startedAt() {
        return startedAt;
    }

    /** The first and last order dates in the graph (cancelled orders included); refused on a graph with none. */
    LocalDate[] orderDates() {
        Map<String, Object> range = graph.run("analytics/order-date-range", Map.of(), r -> r.asMap()).get(0);
        if (range.get("lastOrder") == null) {
            throw new IllegalArgumentException("the graph holds no orders: import data first");
        }
        return new LocalDate[] {(LocalDate) range.get("firstOrder"), (LocalDate) range.get("lastOrder")};
    }

    /** The record-run parameter map, started with what every kind records. */
    Map<String, Object> record() {
        Map<String, Object> run = new HashMap<>();
        run.put("runId", runId);
        run.put("kind", kind);
        run.put("engine", "spark");
        run.put("startedAt", startedAt);
        return run;
    }

    /** Writes the finished run's record (analytics/record-run) now. */
    void finish(Map<String, Object> run) {
        graph.run("analytics/record-run", Map.of("run", finishing(run)));
    }

    /** The record with its finishing time, for a caller that writes it in one transaction with its last writes. */
    Map<String, Object> finishing(Map<String, Object> run) {
        Map<String, Object> finished = new HashMap<>(run);
        finished.put("finishedAt", OffsetDateTime.now());
        return finished;
    }

    /** Tells serving instances that cached data changed. */
    void announce() {
        graph.run("cache/bump-epoch", Map.of("instance", "spark-" + runId));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
