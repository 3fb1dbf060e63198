package dev.custograph;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import dev.custograph.analytics.AnalyticsRuns;
import dev.custograph.graph.Graph;
import dev.custograph.graph.NameOrder;
import dev.custograph.graph.GraphChange;
import dev.custograph.graph.Row;
import dev.custograph.graph.GraphUnavailableException;
import dev.custograph.graph.SchemaMigrator;
import dev.custograph.ingest.BulkImport;
import dev.custograph.ingest.DemoDataGenerator;
import dev.custograph.jobs.AnalyticsRefresh;
import dev.custograph.ingest.ImportReport;
import dev.custograph.ingest.Importer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * What {@code serve} does to the database before it accepts requests: check that it answers, bring the schema up
 * to date, and with {@code --demo} load the demo data set once and analyse it. It runs after all beans exist but before the web
 * server opens its port, so no request ever sees a half-loaded graph.
 *
 * <p>The demo load is marked in the graph ({@code :CustographDemo}): started, then complete. A finished load is
 * never repeated; an interrupted one is run again (every write MERGEs, so it completes rather than duplicates); a
 * store that already holds other data is left alone.
 *
 * <p>An external database that does not answer at start does not stop the server: it starts, reports the
 * {@code neo4j} health DOWN, answers requests with "the database is unavailable", and retries the steps above in the
 * background (after 1 s, doubling up to every 10 s: a failed attempt is one refused connection, and a database that
 * is back should not wait half a minute to be noticed) until the database answers; the driver reconnects by itself. The
 * embedded database answering is part of starting, so there a failure stops the server.
 */
final class StartupTasks implements SmartInitializingSingleton, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StartupTasks.class);

    /** The demo's analytics: segments, churn over 90 days, rules with support 0.2%, 10 similar customers each. */
    static final AnalyticsRefresh.Plan DEMO_ANALYTICS = new AnalyticsRefresh.Plan(null, true, null, 90, 0.002, 0.05,
            10);

    static final long FIRST_RETRY_MILLIS = 1_000;
    static final long LONGEST_RETRY_MILLIS = 10_000;

    /** The collation custograph.names.collation asks for; null to keep the database's. */
    private final NameOrder names;
    private final Graph graph;
    private final boolean demo;
    private final boolean analyseDemo;
    private final String where;
    private final java.util.function.Supplier<AnalyticsRefresh> refresh;
    /** Set when the server stops: a retry still running must end with it, not try a closed driver for ever. */
    private volatile boolean closed;
    private volatile Thread retry;

    /** @param refresh the demo's analytics refresh, deciding by the configured policy */
    StartupTasks(Graph graph, boolean demo, boolean analyseDemo, String where, NameOrder names,
                 java.util.function.Supplier<AnalyticsRefresh> refresh) {
        this.graph = graph;
        this.names = names;
        this.demo = demo;
        this.analyseDemo = analyseDemo;
        this.where = where;
        this.refresh = refresh;
    }

    @Override
    public void afterSingletonsInstantiated() {
        boolean external = external();
        try {
            prepare();
        } catch (GraphUnavailableException e) {
            if (!external) {
                throw e;
            }
            log.warn("{}; starting anyway, and trying again in the background until it answers", e.getMessage());
            retry = new Thread(this::retryUntilReady, "custograph-startup-retry");
            retry.setDaemon(true);
            retry.start();
        }
    }

    private boolean external() {
        return !where.equals("embedded");
    }

    private void prepare() {
        graph.verifyConnectivity(where);
        new SchemaMigrator(graph).migrate();
        if (names != null) {
            graph.useNames(names);
        } else {
            graph.names();
        }
        if (!external()) {
            // This process owns the embedded store: a run still RUNNING there died with an earlier process.
            AnalyticsRuns.markInterrupted(graph, OffsetDateTime.now());
        }
        if (demo && loadDemoOnce() && analyseDemo) {
            analyseDemoOnce();
        }
    }

    private void retryUntilReady() {
        long delay = FIRST_RETRY_MILLIS;
        while (!closed) {
            try {
                Thread.sleep(delay);
                prepare();
                log.info("Neo4j at {} answers now; the schema is up to date", where);
                return;
            } catch (GraphUnavailableException e) {
                if (closed) {
                    return;
                }
                delay = Math.min(LONGEST_RETRY_MILLIS, delay * 2);
                log.warn("{}; trying again in {} s", e.getMessage(), delay / 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!closed) {
                    log.error("Preparing the database at {} failed", where, e);
                }
                return;
            }
        }
    }

    /** Stops retrying the start-up steps (Spring calls this when the application context closes). */
    @Override
    public void close() {
        closed = true;
        Thread running = retry;
        if (running != null) {
            running.interrupt();
        }
    }

    /**
     * Writes the demo data set in bulk into the empty store of {@code dataDir}, anomaly flags included and marked
     * complete, before the database starts (a store that holds a database is left alone: {@link #loadDemoOnce()}
     * decides what to do with it).
     */
    static void seedDemo(java.nio.file.Path dataDir) {
        if (!BulkImport.possible(dataDir)) {
            return;
        }
        DemoDataGenerator.Spec spec = DemoDataGenerator.Spec.demo();
        log.info("Generating the demo data set ({} customers, {} products, {} to {}) and writing it in bulk",
                spec.customers(), spec.products(), spec.start(), spec.end());
        ImportReport report = new BulkImport(dataDir, dev.custograph.model.ValueRules.DateWindow.DEFAULT).load("demo",
                new DemoDataGenerator(spec).generate(), "CustographDemo", "key", "demo", "status", "complete",
                "seed", spec.seed());
        log.info("Demo data written in {} s: {} nodes and {} relationships", String.format("%.1f", report.seconds()),
                report.nodesCreated(), report.relationshipsCreated());
    }

    /** True when the graph holds the demo data set (loaded now or by an earlier start). */
    private boolean loadDemoOnce() {
        DemoDataGenerator.Spec spec = DemoDataGenerator.Spec.demo();
        List<Row> status = graph.rows("meta/demo-status", Map.of());
        if (!status.isEmpty() && "complete".equals(status.get(0).string("status"))) {
            log.info("Demo data already loaded; using the stored database");
            return true;
        }
        if (status.isEmpty() && !new dev.custograph.graph.EntityReads(graph).isEmpty()) {
            log.info("--demo ignored: the database already holds data");
            return false;
        }
        log.info("Generating the demo data set ({} customers, {} products, {} to {})", spec.customers(),
                spec.products(), spec.start(), spec.end());
        graph.write("meta/demo-mark", Map.of("status", "loading", "seed", spec.seed()),
                new GraphChange.Bookkeeping("demo data mark"));
        ImportReport report = new Importer(graph).load("demo", new DemoDataGenerator(spec).generate());
        graph.write("meta/demo-mark", Map.of("status", "complete", "seed", spec.seed()),
                new GraphChange.Bookkeeping("demo data mark"));
        log.info("Demo data loaded in {} s: {} nodes and {} relationships created", String.format("%.1f",
                report.seconds()), report.nodesCreated(), report.relationshipsCreated());
        return true;
    }

    /**
     * Runs every analytics step on the demo data once, so the dashboard has something to show on the first start:
     * value, segments, churn over 90 days, rules and similar customers. A start that finds a finished value run
     * does nothing; one interrupted while analysing runs it again.
     */
    private void analyseDemoOnce() {
        if (AnalyticsRuns.last(graph).map(run -> "SUCCEEDED".equals(run.status())).orElse(false)) {
            return;
        }
        log.info("Analysing the demo data (value, segments, churn, rules, similar customers)");
        long started = System.nanoTime();
        refresh.get().run(DEMO_ANALYTICS, (step, done) -> log.info("Demo analytics: {}", step));
        log.info("Demo data analysed in {} s", String.format("%.1f", (System.nanoTime() - started) / 1e9));
    }
}
