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
import dev.custograph.ingest.ImportReport;
import dev.custograph.ingest.Importer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

/**
 * Imports all of Online Retail into an empty embedded database twice: with {@code custograph import} and with
 * Neo4j's own LOAD CSV + MERGE ({@code cypher/bench/load-online-retail.cypher}), each into its own fresh store, and
 * prints rows/s, the ratio, and the JVM's peak heap (which includes the embedded database, as in production).
 * Also prints where the import's time went, per Cypher file. {@code --ours-only} skips LOAD CSV.
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
        long rows = 541_909;

        resetPeaks();
        double ours;
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(new EmbeddedNeo4j.Settings(work.resolve("ours"), 0, -1));
             Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken(),
                     org.neo4j.driver.Config.builder().withLogging(org.neo4j.driver.Logging.slf4j()).build())) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            Graph graph = graph(driver, meters);
            ImportReport report = new Importer(graph).run("online-retail", files, work.resolve("rejects.csv"));
            ours = report.seconds();
            System.out.printf("custograph import: %,d rows in %.1f s = %,.0f rows/s (%,d imported, %,d rejected)%n",
                    report.rowsRead(), report.seconds(), report.rowsRead() / report.seconds(), report.rowsImported(),
                    report.rowsRejected());
            System.out.println("  time per Cypher file (total s, calls):");
            meters.find("custograph.cypher").timers().stream()
                    .sorted(java.util.Comparator.comparingDouble(
                            (io.micrometer.core.instrument.Timer t) -> -t.totalTime(TimeUnit.SECONDS)))
                    .limit(8)
                    .forEach(t -> System.out.printf("    %-32s %6.1f %6d  (slowest %.2f s)%n",
                            t.getId().getTag("file"), t.totalTime(TimeUnit.SECONDS), t.count(),
                            t.max(TimeUnit.SECONDS)));
        }
        System.out.printf("  peak heap during custograph import: %d MB%n", peakHeapMegabytes());
        if (List.of(args).contains("--ours-only")) {
            return;
        }

        resetPeaks();
        // LOAD CSV reads only <data-dir>/import, as a Neo4j server reads only its import folder.
        Path loadCsvImport = java.nio.file.Files.createDirectories(work.resolve("loadcsv").resolve("import"));
        for (Path file : files) {
            java.nio.file.Files.copy(file, loadCsvImport.resolve(file.getFileName()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(new EmbeddedNeo4j.Settings(work.resolve("loadcsv"), 0, -1));
             Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken(),
                     org.neo4j.driver.Config.builder().withLogging(org.neo4j.driver.Logging.slf4j()).build())) {
            Graph graph = graph(driver, new SimpleMeterRegistry());
            String loadCsv = graph.catalogue().text("bench/load-online-retail");
            long started = System.nanoTime();
            for (Path file : files) {
                try (Session session = driver.session()) {
                    // CALL ... IN TRANSACTIONS needs an auto-commit transaction.
                    session.run(loadCsv, Map.of("file", file.getFileName().toString())).consume();
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("LOAD CSV + MERGE:  %,d rows in %.1f s = %,.0f rows/s%n", rows, seconds, rows / seconds);
            System.out.printf("  peak heap during LOAD CSV: %d MB%n", peakHeapMegabytes());
            System.out.printf("ratio (custograph rows/s / LOAD CSV rows/s): %.2f%n", seconds / ours);
        }
    }

    private static Graph graph(Driver driver, SimpleMeterRegistry meters) {
        Graph graph = new Graph(driver, CypherCatalogue.load(), meters);
        new SchemaMigrator(graph).migrate();
        return graph;
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
