package dev.custograph.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import dev.custograph.graph.Graph;

/**
 * Writes a run's customer values onto the graph in batches, two transactions at a time: the batches touch
 * disjoint customers, so they never wait on each other's locks, and a write-back that would keep one core busy
 * for half a minute uses both. At most {@link #IN_FLIGHT} batches are queued or being written, which bounds the
 * memory the rows take whatever the number of customers. Each batch is its own transaction; the run's
 * {@code valueRunId} on every customer tells which run a value came from if a run stops midway.
 */
final class CustomerValueWriter implements AutoCloseable {

    static final int BATCH = 5_000;
    private static final int THREADS = 2;
    private static final int IN_FLIGHT = 4;

    private final Graph graph;
    private final String runId;
    private final LocalDate asOf;
    private final ExecutorService writers;
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private final List<Future<?>> pending = new ArrayList<>();
    private List<List<Object>> batch = new ArrayList<>(BATCH);

    CustomerValueWriter(Graph graph, String runId, LocalDate asOf) {
        this.graph = graph;
        this.runId = runId;
        this.asOf = asOf;
        AtomicInteger number = new AtomicInteger();
        this.writers = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "custograph-value-writer-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
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
        for (Future<?> future : pending) {
            await(future);
        }
        pending.clear();
    }

    private void submit() {
        List<List<Object>> rows = batch;
        batch = new ArrayList<>(BATCH);
        slots.acquireUninterruptibly();
        pending.removeIf(future -> future.isDone() && await(future));
        pending.add(writers.submit(() -> {
            try {
                graph.write("analytics/write-customer-values", Map.of("rows", rows, "runId", runId, "asOf", asOf));
            } finally {
                slots.release();
            }
        }));
    }

    private static boolean await(Future<?> future) {
        try {
            future.get();
            return true;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing customer values", e);
        }
    }

    @Override
    public void close() {
        writers.shutdownNow();
    }
}
