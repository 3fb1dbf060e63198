package dev.custograph.analytics;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.custograph.graph.Graph;
import dev.custograph.graph.GraphChange;
import dev.custograph.graph.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of a value run on the graph: RUNNING from before its first customer is written, SUCCEEDED once every
 * customer is and the run is recorded, INTERRUPTED when its process died in between, FAILED when it stopped on an
 * error (with the reason, {@code failure}). Only a SUCCEEDED run is ever
 * "the latest run"; customers an interrupted run wrote carry its runId until the next run replaces their values.
 */
public final class AnalyticsRuns {

    /** What this run's writes announce: its kind's results changed. */
    private static final GraphChange WRITES = new GraphChange.RunWrote(GraphChange.RunKind.VALUE);

    private static final Logger log = LoggerFactory.getLogger(AnalyticsRuns.class);

    /** The run started last, as the health check shows it. */
    public record LastRun(String runId, String status, OffsetDateTime startedAt) {
        /** Stopped while writing (its process died, or it failed): some customers carry its values. */
        public boolean interrupted() {
            return "INTERRUPTED".equals(status) || "FAILED".equals(status);
        }
    }

    private AnalyticsRuns() {
    }

    /**
     * Marks every run still RUNNING that started before {@code before} as INTERRUPTED. Call it where no run of
     * another process can be going on: when this process owns the store (the embedded database at start), or when
     * a new run starts (a concurrent run elsewhere that is in fact alive marks itself SUCCEEDED when it finishes).
     */
    public static long markInterrupted(Graph graph, OffsetDateTime before) {
        long interrupted = graph.writeReturningLong("analytics/mark-interrupted-runs", Map.of("before", before),
                WRITES);
        if (interrupted > 0) {
            log.warn("{} analytics run(s) started before {} never finished (the process stopped while writing); "
                    + "they are marked INTERRUPTED and the next run replaces their values", interrupted, before);
        }
        return interrupted;
    }

    /** Marks the run {@code runId}, which stopped on an error while writing, as FAILED with the reason. */
    static void markFailed(Graph graph, String runId, RuntimeException failure) {
        try {
            graph.write("analytics/mark-run-failed", Map.of("runId", runId, "reason",
                    String.valueOf(failure.getMessage()), "at", OffsetDateTime.now(java.time.ZoneOffset.UTC)), WRITES);
        } catch (RuntimeException e) {
            // The database may be what failed; the next run then marks this one INTERRUPTED instead.
            failure.addSuppressed(e);
        }
    }

    public static Optional<LastRun> last(Graph graph) {
        return lastOf(graph.rows("read/last-value-run", Map.of()));
    }

    /** {@link #last}, read once without the driver's retries (for the health check). */
    public static Optional<LastRun> lastAtOnce(Graph graph) {
        return lastOf(graph.rowsOnce("read/last-value-run", Map.of()));
    }

    private static Optional<LastRun> lastOf(List<Row> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Row row = rows.get(0);
        return Optional.of(new LastRun(row.string("runId"), row.string("status"), row.time("startedAt")));
    }
}
