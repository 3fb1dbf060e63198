package dev.custograph.recommend;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.custograph.graph.Graph;
import dev.custograph.graph.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recommendations a serving process gives: {@link #forCustomer} is all the API asks of it. It owns what it
 * serves from, a {@link RecommendationSnapshot} (everything the ranking needs, held compactly, and every customer's
 * list ranked ahead), and keeps it right as the graph changes:
 * <ul>
 *   <li>an order: the customer's list is ranked again at once with the products it just bought owned, so it is never
 *       offered them;</li>
 *   <li>a profile change (country, segment) or a customer the snapshot does not know: its context is read live
 *       (one small read) and its list ranked from it;</li>
 *   <li>a merge, restore or erasure: those customers, and every customer whose similar customers name one of them,
 *       are served from the graph until the next snapshot, so no list names a customer that is gone;</li>
 *   <li>a rules, similarity or segmentation run: a new snapshot is read and ranked in the background (after the
 *       writes have been quiet for a moment) while the current one keeps serving, so a refresh does not slow
 *       requests down; runs started as jobs wait for it ({@link #refresh});</li>
 *   <li>anything else (an import, another process's write): the graph serves until the next snapshot.</li>
 * </ul>
 * Before the first snapshot is ready, the graph serves ({@link Recommender}, the same lists).
 */
public final class Recommendations implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Recommendations.class);

    /** How many recommendations per customer are ranked ahead; longer lists are ranked when asked for. */
    public static final int PRECOMPUTED = RecommendationSnapshot.PRECOMPUTED;

    /** What changed for one customer since the snapshot was read, and its list ranked from that, once known. */
    private record Change(long atNanos, Set<String> placed, boolean contextChanged, boolean gone,
                          Prepared prepared) {

        Change withPrepared(Prepared p) {
            return new Change(atNanos, placed, contextChanged, gone, p);
        }
    }

    /** A customer's view and its list, ranked against the snapshot it was computed with. */
    private record Prepared(RecommendationSnapshot snapshot, RecommendationSnapshot.View view, int[] list) {
    }

    private final Graph graph;
    private final RecommendationWeights weights;
    private final Recommender fromGraph;
    private final Duration quiet;
    private final int threads;
    private final ScheduledExecutorService refresher;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final List<Runnable> refreshedListeners = new CopyOnWriteArrayList<>();
    private final Map<String, Change> changes = new ConcurrentHashMap<>();
    private volatile RecommendationSnapshot snapshot;
    private volatile PopularityPrior graphPrior;
    private volatile long lastTriggerNanos;
    /** When something the snapshot cannot follow changed (an import); the snapshot serves only if read after it. */
    private volatile long everythingChangedNanos = System.nanoTime();

    /**
     * @param quiet   how long writes must pause before a background refresh starts
     * @param threads how many threads rank the lists of a new snapshot
     */
    public Recommendations(Graph graph, RecommendationWeights weights, Duration quiet, int threads) {
        this.graph = graph;
        this.weights = weights;
        this.quiet = quiet;
        this.threads = Math.max(1, threads);
        this.fromGraph = new Recommender(graph, this::priorForGraph);
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "recommend-refresh");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code listener} after each new snapshot is in place (the API's cache empties itself then). */
    public void onRefreshed(Runnable listener) {
        refreshedListeners.add(listener);
    }

    /** The customer's best {@code k} recommendations (k is checked and cut as {@link Recommender#checkedK}). */
    public Recommender.Result forCustomer(String customerId, int k) {
        int limit = Recommender.checkedK(k);
        RecommendationSnapshot snap = usableSnapshot();
        Change change = changes.get(customerId);
        if (snap == null || (change != null && change.gone())) {
            return fromGraph.recommend(customerId, limit, weights, false);
        }
        int c = snap.customer(customerId);
        RecommendationSnapshot.View view;
        int[] list;
        if (change == null && c >= 0) {
            view = snap.view(c);
            list = snap.list(c);
        } else {
            Prepared prepared = change == null ? null : change.prepared();
            if (prepared == null || prepared.snapshot() != snap) {
                prepared = prepare(snap, customerId, c, change);
                if (prepared == null) {
                    return new Recommender.Result(customerId, false, List.of());
                }
                if (change != null) {
                    Prepared p = prepared;
                    changes.computeIfPresent(customerId, (id, was) -> was == change ? was.withPrepared(p) : was);
                }
            }
            view = prepared.view();
            list = prepared.list();
        }
        if (limit > list.length && list.length == RecommendationSnapshot.PRECOMPUTED) {
            list = snap.rank(view, limit);
        }
        return new Recommender.Result(customerId, true, snap.explain(view, list, limit));
    }

    /** The customer's view and list against the snapshot with what changed since; null when there is no such customer. */
    private Prepared prepare(RecommendationSnapshot snap, String customerId, int c, Change change) {
        Set<String> placed = change == null ? null : change.placed();
        RecommendationSnapshot.View view;
        if (c < 0 || (change != null && change.contextChanged())) {
            List<Row> rows = graph.rows("recommend/customer-context", Map.of("customerId", customerId,
                    "neighbours", Recommender.NEIGHBOURS));
            if (rows.isEmpty()) {
                return null;
            }
            view = snap.live(c, RecommendationSnapshot.Context.of(rows.get(0)), placed);
        } else {
            view = placed == null ? snap.view(c) : snap.withPlaced(snap.view(c), placed);
        }
        return new Prepared(snap, view, snap.rank(view, RecommendationSnapshot.PRECOMPUTED));
    }

    private RecommendationSnapshot usableSnapshot() {
        RecommendationSnapshot snap = snapshot;
        return snap == null || everythingChangedNanos - snap.readStartedNanos >= 0 ? null : snap;
    }

    /** A customer placed an order for these products: its own list is ranked again now. */
    /**
     * Orders placed together (a stream's batch): remembered as {@link #orderPlaced} remembers one, but ranked when
     * the customer is next read rather than here, so a batch of a thousand orders does not spend a second ranking on
     * the writer's thread for customers nobody may look at.
     */
    public void ordersPlaced(Map<String, ? extends Collection<String>> productsByCustomer) {
        productsByCustomer.forEach((customerId, productIds) -> changes.merge(customerId, new Change(System.nanoTime(),
                Set.copyOf(productIds), false, false, null), (was, now) -> {
                    Set<String> both = new HashSet<>(was.placed() == null ? Set.of() : was.placed());
                    both.addAll(now.placed());
                    return new Change(now.atNanos(), Set.copyOf(both), was.contextChanged(), was.gone(), null);
                }));
    }

    public void orderPlaced(String customerId, Collection<String> productIds) {
        Change change = changes.merge(customerId, new Change(System.nanoTime(), Set.copyOf(productIds), false,
                false, null), (was, now) -> {
                    Set<String> both = new HashSet<>(was.placed() == null ? Set.of() : was.placed());
                    both.addAll(now.placed());
                    return new Change(now.atNanos(), Set.copyOf(both), was.contextChanged(), was.gone(), null);
                });
        RecommendationSnapshot snap = usableSnapshot();
        int c = snap == null ? -1 : snap.customer(customerId);
        if (c >= 0 && !change.gone() && !change.contextChanged()) {
            // Ranked here, on the order's thread, because it needs no read: about a millisecond.
            Prepared prepared = prepare(snap, customerId, c, change);
            changes.computeIfPresent(customerId, (id, was) -> was == change ? was.withPrepared(prepared) : was);
        }
    }

    /** The ids of the products the current snapshot's lists hold (empty before the first), for warming caches. */
    public Set<String> rankedProducts() {
        RecommendationSnapshot snap = snapshot;
        return snap == null ? Set.of() : snap.rankedProducts();
    }

    /** Customers whose profile changed or who were created: their contexts are read live until the next snapshot. */
    public void customersChanged(Collection<String> ids) {
        long now = System.nanoTime();
        for (String id : ids) {
            changes.merge(id, new Change(now, null, true, false, null), (was, then) ->
                    new Change(now, was.placed(), true, was.gone(), null));
        }
    }

    /**
     * Customers merged away, restored or erased: they, and every customer whose similar customers name one of
     * them, are served from the graph until the next snapshot, which is read soon.
     */
    public void customersGone(Collection<String> ids) {
        long now = System.nanoTime();
        Set<String> affected = new HashSet<>(ids);
        RecommendationSnapshot snap = snapshot;
        if (snap != null) {
            Set<Integer> gone = new HashSet<>();
            ids.forEach(id -> {
                int c = snap.customer(id);
                if (c >= 0) {
                    gone.add(c);
                }
            });
            for (int c = 0; c < snap.customers() && !gone.isEmpty(); c++) {
                if (snap.namesAny(c, gone)) {
                    affected.add(snap.customerId(c));
                }
            }
        }
        // Lists prepared since the snapshot (after an order or a profile change) may name them too.
        changes.forEach((id, change) -> {
            if (change.prepared() != null) {
                affected.add(id);
            }
        });
        for (String id : affected) {
            changes.merge(id, new Change(now, null, false, true, null), (was, then) ->
                    new Change(now, was.placed(), was.contextChanged(), true, null));
        }
        refreshSoon();
    }

    /** Something the snapshot cannot follow changed (an import, another process's write): the graph serves until the next. */
    public void everythingChanged() {
        everythingChangedNanos = System.nanoTime();
        graphPrior = null;
        refreshSoon();
    }

    /** Rules, similar customers or segments were written: a new snapshot is read once the writes pause. */
    public void refreshSoon() {
        lastTriggerNanos = System.nanoTime();
        graphPrior = null;
        if (scheduled.compareAndSet(false, true)) {
            try {
                refresher.schedule(this::refreshWhenQuiet, quiet.toNanos(), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                scheduled.set(false);
            }
        }
    }

    private void refreshWhenQuiet() {
        long since = System.nanoTime() - lastTriggerNanos;
        if (since < quiet.toNanos()) {
            refresher.schedule(this::refreshWhenQuiet, quiet.toNanos() - since, TimeUnit.NANOSECONDS);
            return;
        }
        scheduled.set(false);
        RecommendationSnapshot current = snapshot;
        if (current != null && lastTriggerNanos - current.readStartedNanos < 0) {
            return;
        }
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("recommendations: the snapshot could not be read ({}); the previous one, or the graph, keeps "
                    + "serving, and the next change tries again", e.getMessage());
        }
    }

    /** Reads and ranks a new snapshot now, on this thread, and puts it in place; requests keep being served meanwhile. */
    public synchronized void refresh() {
        long started = System.nanoTime();
        RecommendationSnapshot next = RecommendationSnapshot.read(graph, weights, threads, done -> {
        });
        snapshot = next;
        changes.values().removeIf(change -> change.atNanos() - next.readStartedNanos < 0);
        graphPrior = null;
        long took = System.nanoTime() - started;
        log.info("recommendations: {} customers' lists ranked ahead in {} s (read {} s, ranked {} s)",
                String.format("%,d", next.customers()), String.format("%.1f", took / 1e9),
                String.format("%.1f", next.readNanos() / 1e9), String.format("%.1f", (took - next.readNanos()) / 1e9));
        for (Runnable listener : refreshedListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.warn("recommendations: a listener of the new snapshot failed ({}); the snapshot serves", e.toString());
            }
        }
    }

    /**
     * Reads the first snapshot in the background once start-up's own writes (migrations, demo data) have been quiet
     * for a moment, so that it is read once, not once before them and again after.
     */
    public void start() {
        refreshSoon();
    }

    private PopularityPrior priorForGraph() {
        PopularityPrior prior = graphPrior;
        if (prior == null) {
            prior = PopularityPrior.read(graph);
            graphPrior = prior;
        }
        return prior;
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
