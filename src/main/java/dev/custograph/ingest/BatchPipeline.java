package dev.custograph.ingest;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * Hands batches from the reading thread to one writing thread, so the next batch is parsed while the previous one
 * is written. At most two batches wait, which keeps memory bounded; one writer keeps batches in file order (an
 * order split across two batches is completed by the later one). A write failure stops the import: the reading
 * thread sees it at its next hand-off, or at {@link #finish()}.
 */
final class BatchPipeline<T> implements AutoCloseable {

    private final List<T> end = new java.util.ArrayList<>(0);
    private final BlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(2);
    private final Thread writer;
    private volatile RuntimeException failure;
    private LoadCounts loaded = LoadCounts.NONE;
    private long writeNanos;

    BatchPipeline(Function<List<T>, LoadCounts> write) {
        writer = new Thread(() -> {
            try {
                for (List<T> batch = queue.take(); batch != end; batch = queue.take()) {
                    if (failure == null) {
                        long started = System.nanoTime();
                        LoadCounts counts = write.apply(batch);
                        writeNanos += System.nanoTime() - started;
                        loaded = loaded.plus(counts);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure = e;
                queue.clear();
            }
        }, "custograph-import-writer");
        writer.setDaemon(true);
        writer.start();
    }

    void submit(List<T> batch) {
        rethrow();
        try {
            while (!queue.offer(batch, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                rethrow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing a batch to the writer", e);
        }
    }

    /** Waits for every batch to be written and returns what they created. */
    LoadCounts finish() {
        rethrow();
        try {
            queue.put(end);
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the writer", e);
        }
        rethrow();
        return loaded;
    }

    double writeSeconds() {
        return writeNanos / 1e9;
    }

    @Override
    public void close() {
        if (writer.isAlive()) {
            writer.interrupt();
        }
    }

    private void rethrow() {
        if (failure != null) {
            throw failure;
        }
    }
}
