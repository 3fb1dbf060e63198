package dev.custograph.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.custograph.graph.CypherCatalogue;
import dev.custograph.graph.EmbeddedNeo4j;
import dev.custograph.graph.Graph;
import dev.custograph.graph.SchemaMigrator;
import dev.custograph.graph.GraphConnection;
import dev.custograph.ingest.BulkImport;
import dev.custograph.ingest.ImportReport;
import dev.custograph.ingest.Importer;
import dev.custograph.model.ValueRules;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

/**
 * Online Retail against Neo4j's own LOAD CSV + MERGE ({@code cypher/bench/load-online-retail.cypher}), in one run,
 * each side on its own fresh store, the two ways an import writes:
 * <ol>
 *   <li><b>into an empty store</b>: all 12 files; {@code custograph import} takes the bulk path (Neo4j's batch
 *       import engine), timed end to end; then the time its first open takes (database start, schema built over the
 *       data), which LOAD CSV's side does before it starts;
 *   <li><b>into a store that holds data</b>: the first 6 months are loaded (untimed), then the last 6 are timed;
 *       {@code custograph import} takes the transactional path (MERGE statements in batches), as it always does on
 *       an external server or cluster.
 * </ol>
 * Prints rows/s, the ratios and the JVM's peak heap (which includes the embedded database, as in production), and
 * where the transactional import's time went, per Cypher file. {@code --ours-only} skips LOAD CSV.
 * Run by {@code bench/import.sh}; not part of the test suite (timings do not belong in tests).
 */
public final class ImportBenchmark {

    private static final Path DATA = Path.of("..", "shared", "data", "online_retail");

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("custograph-import-bench");
        List<Path> files;
        try (Stream<Path> list = Files.list(DATA)) {
            files = list.filter(p -> p.toString().endsWith(".csv.gz")).sorted().toList();
        }
        List<Path> firstHalf = files.subList(0, 6);
        List<Path> secondHalf = files.subList(6, files.size());
        boolean oursOnly = List.of(args).contains("--ours-only");

        // 1. Into an empty store.
        resetPeaks();
        Path bulkDir = work.resolve("bulk");
        ImportReport bulk = new BulkImport(bulkDir, ValueRules.DateWindow.DEFAULT).run("online-retail", null, files,
                work.resolve("rejects-bulk.csv"));
        System.out.printf("empty store, custograph import (%s): %,d rows in %.1f s = %,.0f rows/s%n", bulk.path(),
                bulk.rowsRead(), bulk.seconds(), bulk.rowsRead() / bulk.seconds());
        long opening = System.nanoTime();
        GraphConnection.open(bulkDir, null, null, null).close();
        System.out.printf("  then its first open (database start, schema built over the data): %.1f s%n",
                (System.nanoTime() - opening) / 1e9);
        System.out.printf("  peak heap: %d MB%n", peakHeapMegabytes());
        if (!oursOnly) {
            resetPeaks();
            double loadCsv = loadCsv(work.resolve("loadcsv-all"), files, files);
            System.out.printf("empty store, LOAD CSV + MERGE: %,d rows in %.1f s = %,.0f rows/s (peak heap %d MB)%n",
                    bulk.rowsRead(), loadCsv, bulk.rowsRead() / loadCsv, peakHeapMegabytes());
            System.out.printf("empty store ratio (custograph rows/s / LOAD CSV rows/s): %.2f%n",
                    loadCsv / bulk.seconds());
        }

        // 2. The second half on top of the first.
        Path txDir = work.resolve("transactional");
        try (GraphConnection db = GraphConnection.open(txDir, null, null, null)) {
            new Importer(db.graph()).run("online-retail", null, firstHalf, work.resolve("rejects-first.csv"));
        }
        resetPeaks();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        io.micrometer.core.instrument.Metrics.addRegistry(meters);
        ImportReport second;
        try (GraphConnection db = GraphConnection.open(txDir, null, null, null)) {
            second = new Importer(db.graph()).run("online-retail", null, secondHalf, work.resolve("rejects-2.csv"));
        } finally {
            io.micrometer.core.instrument.Metrics.removeRegistry(meters);
        }
        System.out.printf("store with the first half, custograph import (%s) of the second half: %,d rows in %.1f s "
                        + "= %,.0f rows/s%n", second.path(), second.rowsRead(), second.seconds(),
                second.rowsRead() / second.seconds());
        System.out.printf("  peak heap: %d MB%n", peakHeapMegabytes());
        System.out.println("  time per Cypher file (total s, calls):");
        meters.find("custograph.cypher").timers().stream()
                .sorted(java.util.Comparator.comparingDouble(
                        (io.micrometer.core.instrument.Timer t) -> -t.totalTime(TimeUnit.SECONDS)))
                .limit(8)
                .forEach(t -> System.out.printf("    %-32s %6.1f %6d  (slowest %.2f s)%n",
                        t.getId().getTag("file"), t.totalTime(TimeUnit.SECONDS), t.count(),
                        t.max(TimeUnit.SECONDS)));
        if (!oursOnly) {
            resetPeaks();
            double loadCsv = loadCsv(work.resolve("loadcsv-half"), firstHalf, secondHalf);
            System.out.printf("store with the first half, LOAD CSV + MERGE of the second half: %,d rows in %.1f s "
                    + "= %,.0f rows/s (peak heap %d MB)%n", second.rowsRead(), loadCsv, second.rowsRead() / loadCsv,
                    peakHeapMegabytes());
            System.out.printf("store-with-data ratio (custograph rows/s / LOAD CSV rows/s): %.2f%n",
                    loadCsv / second.seconds());
        }
    }

    /** Loads {@code untimed} then {@code timed} with LOAD CSV into a fresh store; returns the seconds of the latter. */
    private static double loadCsv(Path dataDir, List<Path> untimed, List<Path> timed) throws Exception {
        // LOAD CSV reads only <data-dir>/import, as a Neo4j server reads only its import folder.
        Path loadCsvImport = Files.createDirectories(dataDir.resolve("import"));
        for (Path file : files(untimed, timed)) {
            Files.copy(file, loadCsvImport.resolve(file.getFileName()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(new EmbeddedNeo4j.Settings(dataDir, 0, -1));
             Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken(),
                     org.neo4j.driver.Config.builder().withLogging(org.neo4j.driver.Logging.slf4j()).build())) {
            Graph graph = new Graph(driver, CypherCatalogue.load(), new SimpleMeterRegistry());
            new SchemaMigrator(graph).migrate();
            String loadCsv = graph.catalogue().text("bench/load-online-retail");
            if (untimed != timed) {
                for (Path file : untimed) {
                    run(driver, loadCsv, file);
                }
            }
            long started = System.nanoTime();
            for (Path file : timed) {
                run(driver, loadCsv, file);
            }
            return (System.nanoTime() - started) / 1e9;
        }
    }

    private static List<Path> files(List<Path> a, List<Path> b) {
        java.util.LinkedHashSet<Path> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static void run(Driver driver, String loadCsv, Path file) {
        try (Session session = driver.session()) {
            // CALL ... IN TRANSACTIONS needs an auto-commit transaction.
            session.run(loadCsv, Map.of("file", file.getFileName().toString())).consume();
        }
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMegabytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }
}
