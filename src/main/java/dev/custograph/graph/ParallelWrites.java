package dev.custograph.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Write statements run two transactions at a time, for a bulk write-back whose batches touch disjoint nodes (one
 * batch of customers each), so that they never wait on each other's locks and a write that would keep one core busy
 * uses both. At most {@link #IN_FLIGHT} statements are queued or running, which bounds the memory their parameters
 * take. Each statement is its own transaction; {@link #finish()} waits for all and throws the first failure.
 */
public final class ParallelWrites implements AutoCloseable {

    private static final int THREADS = 2;
    private static final int IN_FLIGHT = 4;

    private final Graph graph;
    private final GraphChange change;
    private final ExecutorService writers;
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private final List<Future<?>> pending = new ArrayList<>();

    /** Writes that announce {@code change} each. */
    public ParallelWrites(Graph graph, String threadName, GraphChange change) {
        this.graph = graph;
        this.change = change;
        AtomicInteger number = new AtomicInteger();
        this.writers = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, threadName + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Queues one write; blocks while {@link #IN_FLIGHT} are pending. Throws an earlier write's failure. */
    public void submit(String statement, Map<String, Object> parameters) {
        slots.acquireUninterruptibly();
        pending.removeIf(future -> future.isDone() && await(future));
        pending.add(writers.submit(() -> {
            try {
                graph.write(statement, parameters, change);
            } finally {
                slots.release();
            }
        }));
    }

    /** Waits for every write; the first failed one's error is thrown. */
    public void finish() {
        for (Future<?> future : pending) {
            await(future);
        }
        pending.clear();
    }

    private static boolean await(Future<?> future) {
        try {
            future.get();
            return true;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing", e);
        }
    }

    @Override
    public void close() {
        writers.shutdownNow();
    }
}
