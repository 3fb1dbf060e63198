package dev.custograph.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.custograph.graph.Graph;
import dev.custograph.graph.GraphChange;
import dev.custograph.graph.ParallelWrites;

/**
 * Writes a run's customer values onto the graph in batches of {@link #BATCH} customers, two transactions at a time
 * (see {@link ParallelWrites}). Each batch is its own transaction; the run's {@code valueRunId} on every customer
 * tells which run a value came from if a run stops midway.
 */
final class CustomerValueWriter implements AutoCloseable {

    /** What this run's writes announce: its kind's results changed. */
    private static final GraphChange WRITES = new GraphChange.RunWrote(GraphChange.RunKind.VALUE);

    static final int BATCH = 5_000;

    private final String runId;
    private final LocalDate asOf;
    private final ParallelWrites writes;
    private List<List<Object>> batch = new ArrayList<>(BATCH);

    CustomerValueWriter(Graph graph, String runId, LocalDate asOf) {
        this.runId = runId;
        this.asOf = asOf;
        this.writes = new ParallelWrites(graph, "custograph-value-writer", WRITES);
    }

    void add(CustomerValue value) {
        batch.add(value.graphRow());
        if (batch.size() == BATCH) {
            submit();
        }
    }

    /** Writes what is left and waits for every batch; the first failed batch's error is thrown. */
    void finish() {
        if (!batch.isEmpty()) {
            submit();
        }
        writes.finish();
    }

    private void submit() {
        writes.submit("analytics/write-customer-values", Map.of("rows", batch, "runId", runId, "asOf", asOf));
        batch = new ArrayList<>(BATCH);
    }

    @Override
    public void close() {
        writes.close();
    }
}
