package dev.custograph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.custograph.analytics.ProbabilisticValue;
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
 * BG/NBD + Gamma-Gamma fitted on the CDNOW 1/10th sample summary (2,357 customers, 946 repeat), warm. Target:
 * under 50 ms for both fits. Run by {@code bench/fit.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ValueFitBenchmark {

    double[] x;
    double[] tx;
    double[] t;
    double[] repeatX;
    double[] repeatM;

    @Setup
    public void read() throws IOException {
        List<double[]> rows = Files.readAllLines(Path.of("..", "shared", "data", "cdnow",
                "cdnow_customers_summary_with_transactions.csv")).stream().skip(1).filter(l -> !l.isBlank())
                .map(l -> java.util.Arrays.stream(l.split(",")).skip(1).mapToDouble(Double::parseDouble).toArray())
                .toList();
        x = rows.stream().mapToDouble(r -> r[0]).toArray();
        tx = rows.stream().mapToDouble(r -> r[1]).toArray();
        t = rows.stream().mapToDouble(r -> r[2]).toArray();
        repeatX = rows.stream().filter(r -> r[0] > 0).mapToDouble(r -> r[0]).toArray();
        repeatM = rows.stream().filter(r -> r[0] > 0).mapToDouble(r -> r[3]).toArray();
    }

    @Benchmark
    public double fitBgNbdAndGammaGamma() {
        return ProbabilisticValue.fitBgNbd(x, tx, t).logLikelihood()
                + ProbabilisticValue.fitGammaGamma(repeatX, repeatM).logLikelihood();
    }

    @Benchmark
    public double fitBgNbd() {
        return ProbabilisticValue.fitBgNbd(x, tx, t).logLikelihood();
    }
}
