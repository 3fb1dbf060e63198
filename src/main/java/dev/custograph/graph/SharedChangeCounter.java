package dev.custograph.graph;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How several app instances on one database learn of each other's writes: a change counter in the graph
 * ({@code (:CacheEpoch)}, cypher/cache/). After writes that change what an instance may keep in memory (every
 * {@link GraphChange} but bookkeeping), an instance bumps the counter (once per {@code interval} at most, so
 * concurrent writers do not queue on it), and every instance reads the counter each {@code interval}; a bump it did
 * not make runs {@code onOthersChanges}. So another instance's write is noticed within about two intervals.
 *
 * <p>It lives with the graph because it is a write of its own: the API above only says what to do about another
 * instance's change (empty its caches), and never writes.
 */
public final class SharedChangeCounter implements Graph.WriteListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SharedChangeCounter.class);
    private static final String BUMP = "cache/bump-epoch";
    private static final GraphChange BUMPED = new GraphChange.Bookkeeping("shared change counter");

    private final Graph graph;
    private final Runnable onOthersChanges;
    private final String instance = UUID.randomUUID().toString();
    private final AtomicBoolean dirty = new AtomicBoolean();
    /** The counter values this instance produced and has not yet passed in a poll. */
    private final Set<Long> ownBumps = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;
    private volatile long seen = -1;

    /**
     * Starts polling at once. {@code onOthersChanges} runs when another instance changed cached data, and once at
     * the first read.
     */
    public SharedChangeCounter(Graph graph, Runnable onOthersChanges, Duration interval) {
        this.graph = graph;
        this.onOthersChanges = onOthersChanges;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "custograph-cache-sync");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        // The first read at once: until an instance knows the counter, it cannot tell another instance's change.
        timer.scheduleWithFixedDelay(this::tick, 0, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void afterWrite(GraphChange change) {
        if (change.changesCachedData()) {
            dirty.set(true);
        }
    }

    private synchronized void tick() {
        try {
            flushNow();
            apply(graph.readLong("cache/read-epoch", Map.of()));
        } catch (RuntimeException e) {
            // The database may be restarting; the next tick tries again, and expiry still bounds staleness.
            LOG.debug("Cache sync could not reach the database: {}", e.getMessage());
        }
    }

    /**
     * Bumps the counter now if this instance's writes changed cached data since the last bump, rather than at the
     * next tick: for a client that takes its bookmark to another instance right away.
     */
    public synchronized void flushNow() {
        if (dirty.getAndSet(false)) {
            try {
                ownBumps.add(graph.writeReturningLong(BUMP, Map.of("instance", instance), BUMPED));
            } catch (RuntimeException e) {
                dirty.set(true); // not published: the next tick tries again
                throw e;
            }
        }
    }

    /**
     * Reads the counter once the database holds everything {@code bookmarks} name, and tells if another instance
     * changed something since: so a request carrying a client's bookmark reads its writes.
     */
    public synchronized void catchUpTo(java.util.Collection<String> bookmarks) {
        apply(graph.readLongAfter(bookmarks, "cache/read-epoch", Map.of()));
    }

    private void apply(long version) {
        if (seen < 0) {
            onOthersChanges.run(); // anything cached before the counter was first read is of unknown age
        } else if (version > seen) {
            long others = 0;
            for (long v = seen + 1; v <= version; v++) {
                if (!ownBumps.remove(v)) {
                    others++;
                }
            }
            if (others > 0) {
                LOG.debug("Another instance changed cached data ({} change(s))", others);
                onOthersChanges.run();
            }
        }
        ownBumps.removeIf(v -> v <= version);
        seen = Math.max(seen, version);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
