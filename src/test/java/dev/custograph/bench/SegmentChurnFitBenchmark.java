package dev.custograph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import dev.custograph.analytics.churn.LogisticRegression;
import dev.custograph.analytics.segment.KMeans;
import dev.custograph.analytics.segment.Scaling;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The model fits of {@code segment} and {@code churn}, warm, without the graph. Run by {@code bench/segment.sh}.
 * <ul>
 *   <li>K-Means, k = 5, 10 restarts, on recency, frequency and monetary of the 23,570 CDNOW master customers
 *       (z-scored). Target: no slower than scikit-learn's KMeans on the same matrix, about 0.3 s here.</li>
 *   <li>K-Means the same way on 1M customers drawn from three overlapping groups.</li>
 *   <li>Logistic regression (Newton, unpenalised) on 1M customers x 6 features. Target: under 2 s.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = "-Xmx3g")
public class SegmentChurnFitBenchmark {

    double[] cdnow;
    double[] million;
    double[] lrX;
    int[] lrY;

    @Setup
    public void data() throws IOException {
        int asOf = (int) LocalDate.of(1998, 6, 30).toEpochDay();
        Map<String, double[]> byCustomer = new HashMap<>();
        List<String> lines = Files.readAllLines(Path.of("..", "shared", "data", "cdnow", "CDNOW_master.txt"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.trim().split("\\s+");
            double[] c = byCustomer.computeIfAbsent(f[0], id -> new double[3]);
            c[0] = Math.max(c[0], LocalDate.parse(f[1], DateTimeFormatter.BASIC_ISO_DATE).toEpochDay());
            c[1]++;
            c[2] += Double.parseDouble(f[3]);
        }
        double[] raw = new double[byCustomer.size() * 3];
        int i = 0;
        for (double[] c : byCustomer.values()) {
            raw[i++] = asOf - c[0];
            raw[i++] = c[1];
            raw[i++] = c[2];
        }
        List<String> names = List.of("recency", "frequency", "monetary");
        cdnow = Scaling.ZSCORE.apply(raw, 3, names);

        SplittableRandom random = new SplittableRandom(5);
        int n = 1_000_000;
        double[] generated = new double[n * 3];
        for (int r = 0; r < n; r++) {
            int group = random.nextInt(3);
            for (int j = 0; j < 3; j++) {
                generated[r * 3 + j] = group * 1.5 + gaussian(random) * (1 + j * 0.3);
            }
        }
        million = Scaling.ZSCORE.apply(generated, 3, names);

        lrX = new double[n * 6];
        lrY = new int[n];
        double[] truth = {-1, 0.8, -0.5, 0.3, 0.0, 0.6, -0.2};
        for (int r = 0; r < n; r++) {
            double z = truth[0];
            for (int j = 0; j < 6; j++) {
                lrX[r * 6 + j] = gaussian(random);
                z += truth[j + 1] * lrX[r * 6 + j];
            }
            lrY[r] = random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        }
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Benchmark
    public double kMeansCdnowMasterK5Restarts10() {
        return KMeans.fit(cdnow, 3, 5, 10, 42, 300).inertia();
    }

    @Benchmark
    public double kMeansMillionK5Restarts10() {
        return KMeans.fit(million, 3, 5, 10, 42, 300).inertia();
    }

    @Benchmark
    public double logisticRegressionMillionBySix() {
        return LogisticRegression.fit(lrX, 6, lrY, 0).loss();
    }
}
