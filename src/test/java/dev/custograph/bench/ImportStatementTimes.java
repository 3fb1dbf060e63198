package dev.custograph.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.custograph.graph.GraphConnection;
import dev.custograph.ingest.ImportReport;
import dev.custograph.ingest.Importer;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Where a transactional import's time goes: imports one file into a fresh embedded store through transactions (the
 * path an existing store or an external server takes) and prints rows per second and the ten Cypher statements it
 * spent most time in, with their call counts (planning included: this is a batch command's cold JVM).
 * Usage: bench/import-statements.sh FORMAT FILE, e.g. cdnow ../shared/data/cdnow/CDNOW_master.txt.
 */
public final class ImportStatementTimes {

    public static void main(String[] args) throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Metrics.addRegistry(meters);
        Path dir = Files.createTempDirectory("custograph-import-statements");
        try (GraphConnection db = GraphConnection.open(dir.resolve("data"), null, null, null)) {
            ImportReport report = new Importer(db.graph()).run(args[0], null, List.of(Path.of(args[1])),
                    dir.resolve("rejects.csv"));
            System.out.printf("%s: %,d rows in %.1f s = %,.0f rows/s (%s)%n", args[0], report.rowsRead(),
                    report.seconds(), report.rowsRead() / report.seconds(), report.path());
        }
        meters.find("custograph.cypher").timers().stream()
                .sorted(Comparator.comparingDouble((Timer t) -> -t.totalTime(TimeUnit.SECONDS))).limit(10)
                .forEach(t -> System.out.printf("  %-36s %6.1f s %6d calls%n", t.getId().getTag("file"),
                        t.totalTime(TimeUnit.SECONDS), t.count()));
    }
}
