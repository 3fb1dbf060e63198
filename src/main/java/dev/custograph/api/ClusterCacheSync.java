package dev.custograph.api;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.custograph.graph.Graph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the caches of several app instances on one database honest. Each instance drops exactly what its own writes
 * change ({@link CacheInvalidation}); other instances' writes it learns from a change counter in the graph
 * ({@code (:CacheEpoch)}, cypher/cache/): after writes that change cached data, an instance bumps the counter (once
 * per {@code interval} at most, so concurrent writers do not queue on it), and every instance reads the counter each
 * {@code interval}. A bump it did not make empties its caches. So another instance's write shows within about two
 * intervals (2 s by default, {@code custograph.cache.cluster-sync-interval}); writes from processes that are not app
 * instances (a CLI import through Bolt) still show after {@code custograph.cache.expire-after-write}.
 */
final class ClusterCacheSync implements Graph.WriteListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterCacheSync.class);
    static final String BUMP = "cache/bump-epoch";

    private final Graph graph;
    private final Runnable invalidateAll;
    private final String instance = UUID.randomUUID().toString();
    private final AtomicBoolean dirty = new AtomicBoolean();
    /** The counter values this instance produced and has not yet passed in a poll. */
    private final Set<Long> ownBumps = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;
    private volatile long seen = -1;

    ClusterCacheSync(Graph graph, Runnable invalidateAll, Duration interval) {
        this.graph = graph;
        this.invalidateAll = invalidateAll;
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
    public void afterWrite(String statementName, Map<String, Object> parameters) {
        if (!statementName.equals(BUMP) && CacheInvalidation.changesCachedData(statementName)) {
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
    synchronized void flushNow() {
        if (dirty.getAndSet(false)) {
            try {
                ownBumps.add(graph.writeReturningLong(BUMP, Map.of("instance", instance)));
            } catch (RuntimeException e) {
                dirty.set(true); // not published: the next tick tries again
                throw e;
            }
        }
    }

    /**
     * Reads the counter once the database holds everything {@code bookmarks} name, and empties the caches if
     * another instance changed cached data since: so a request carrying a client's bookmark reads its writes.
     */
    synchronized void catchUpTo(java.util.Collection<String> bookmarks) {
        apply(graph.readLongAfter(bookmarks, "cache/read-epoch", Map.of()));
    }

    private void apply(long version) {
        if (seen < 0) {
            invalidateAll.run(); // anything cached before the counter was first read is of unknown age
        } else if (version > seen) {
            long others = 0;
            for (long v = seen + 1; v <= version; v++) {
                if (!ownBumps.remove(v)) {
                    others++;
                }
            }
            if (others > 0) {
                LOG.debug("Another instance changed cached data ({} change(s)); emptying the caches", others);
                invalidateAll.run();
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
