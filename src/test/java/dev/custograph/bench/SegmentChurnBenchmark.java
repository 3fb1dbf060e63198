package dev.custograph.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import dev.custograph.analytics.churn.ChurnPrediction;
import dev.custograph.analytics.churn.ChurnReport;
import dev.custograph.analytics.segment.Scaling;
import dev.custograph.analytics.segment.Segmentation;
import dev.custograph.analytics.segment.SegmentationReport;
import dev.custograph.graph.GraphConnection;

/**
 * {@code segment} and {@code churn} end to end on the generated graph {@link AnalyzeBenchmark} builds (1M customers
 * over 2024 by default): segmentation with k = 5, 10 restarts on recency, frequency, monetary; churn with a
 * 2024-09-30 cutoff, a 90-day horizon and the five built-in features. Each is run twice (the first after start,
 * the second warm) and prints its times and the JVM's peak heap, which includes the embedded database. Run by
 * {@code bench/segment-at-scale.sh}.
 */
public final class SegmentChurnBenchmark {

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        try (GraphConnection db = GraphConnection.open(dir.resolve("data"), null, null, null)) {
            for (int run = 1; run <= 2; run++) {
                resetPeak();
                SegmentationReport s = new Segmentation(db.graph()).run(new Segmentation.Parameters(null, 5,
                        List.of("recency", "frequency", "monetary"), Scaling.LOG_ZSCORE, 10, 42, true));
                System.out.printf("segment run %d: %,d customers, k 5, %d iterations: %.1f s total = projection "
                                + "%.1f s + clustering %.2f s + write-back %.1f s; peak heap %d MB%n", run,
                        s.customers(), s.iterations(), s.seconds(), s.projectionSeconds(), s.clusterSeconds(),
                        s.writeSeconds(), peak());
                resetPeak();
                ChurnReport c = new ChurnPrediction(db.graph()).run(new ChurnPrediction.Parameters(
                        LocalDate.of(2024, 9, 30), 90, List.of("recency", "frequency", "monetary", "tenure",
                        "avgOrderValue"), ChurnPrediction.Penalty.NONE, 0, ChurnPrediction.Validation.RANDOM, 0.3, 42,
                        true));
                System.out.printf("churn run %d: %,d customers (%,d churned), AUC %.3f (forest %.3f): %.1f s; peak "
                                + "heap %d MB%n", run, c.n(), c.positives(), c.metrics().auc(),
                        c.randomForest().auc(), c.seconds(), peak());
            }
        }
    }

    private static void resetPeak() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }
}
