package dev.custograph.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import dev.custograph.analytics.AnalyticsReport;
import dev.custograph.analytics.ValueAnalysis;
import dev.custograph.graph.GraphConnection;
import dev.custograph.ingest.DemoDataGenerator;
import dev.custograph.ingest.ImportReport;
import dev.custograph.ingest.Importer;
import dev.custograph.ingest.LinesCsvWriter;

/**
 * {@code analyze} end to end on a large generated graph: {@code build N DIR} generates N customers over one year
 * (about 10 order lines each) and imports them into an embedded store in DIR; {@code run DIR} analyses it (with
 * write-back) and prints projection, model and write-back times and the JVM's peak heap, which includes the
 * embedded database. Run by {@code bench/analyze.sh}; target: 1M customers / 10M lines under 60 s with heap under
 * 2 GB.
 */
public final class AnalyzeBenchmark {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        if (args[0].equals("build")) {
            int customers = Integer.parseInt(args[2]);
            Files.createDirectories(dir);
            Path lines = dir.resolve("lines.csv.gz");
            DemoDataGenerator.Spec spec = new DemoDataGenerator.Spec(customers, 1000, LocalDate.of(2024, 1, 1),
                    LocalDate.of(2024, 12, 31), 7);
            try (LinesCsvWriter writer = new LinesCsvWriter(lines)) {
                new DemoDataGenerator(spec).stream(writer);
                writer.close();
                System.out.printf("generated %,d customers, %,d orders, %,d lines%n", writer.customers(),
                        writer.orders(), writer.lines());
            }
            try (GraphConnection db = GraphConnection.open(dir.resolve("data"), null, null, null)) {
                ImportReport report = new Importer(db.graph()).run("lines", List.of(lines), dir.resolve("rejects.csv"));
                System.out.printf("imported %,d rows in %.0f s%n", report.rowsImported(), report.seconds());
            }
            return;
        }
        try (GraphConnection db = GraphConnection.open(dir.resolve("data"), null, null, null)) {
            for (int run = 1; run <= 2; run++) {
                System.gc();
                ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
                AnalyticsReport r = new ValueAnalysis(db.graph()).run(ValueAnalysis.Parameters.defaults(), null);
                long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed())
                        .sum() >> 20;
                System.out.printf("run %d: %,d customers, %,d orders: %.1f s total = projection %.1f s + models "
                                + "%.1f s + top countries/products %.1f s + write-back %.1f s; peak heap %d MB%n", run,
                        r.customers(), r.descriptive().orders(), r.seconds(), r.projectionSeconds(), r.modelSeconds(),
                        r.descriptiveQuerySeconds(), r.writeSeconds(), peak);
            }
        }
    }
}
