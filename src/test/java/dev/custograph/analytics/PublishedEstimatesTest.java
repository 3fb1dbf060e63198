package dev.custograph.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.custograph.analytics.MaximumLikelihood.Fit;
import org.junit.jupiter.api.Test;

/**
 * BG/NBD and Gamma-Gamma fitted on the published CDNOW 1/10th sample summary reproduce the published estimates:
 * r = 0.243, alpha = 4.414, a = 0.793, b = 2.426 (Fader, Hardie and Lee 2005, in weeks, calibration 39 weeks) and
 * p = 6.25, q = 3.74, gamma = 15.44 on the 946 repeat customers (Fader and Hardie 2013), each within 0.5%.
 */
class PublishedEstimatesTest {

    static final Path SUMMARY = Path.of("..", "shared", "data", "cdnow",
            "cdnow_customers_summary_with_transactions.csv");

    record Row(double x, double tx, double t, double zbar) {
    }

    static List<Row> summary() throws IOException {
        return Files.readAllLines(SUMMARY).stream().skip(1).filter(line -> !line.isBlank()).map(line -> {
            String[] f = line.split(",");
            return new Row(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]));
        }).toList();
    }

    @Test
    void bgNbdOnTheCdnowSampleSummaryGivesThePublishedParameters() throws IOException {
        List<Row> rows = summary();
        assertThat(rows).hasSize(2357);
        Fit<BgNbd> fit = ProbabilisticValue.fitBgNbd(rows.stream().mapToDouble(Row::x).toArray(),
                rows.stream().mapToDouble(Row::tx).toArray(), rows.stream().mapToDouble(Row::t).toArray());
        assertThat(fit.converged()).as(fit.problem()).isTrue();
        assertThat(fit.model().r()).isCloseTo(0.243, withinPercentage(0.5));
        assertThat(fit.model().alpha()).isCloseTo(4.414, withinPercentage(0.5));
        assertThat(fit.model().a()).isCloseTo(0.793, withinPercentage(0.5));
        assertThat(fit.model().b()).isCloseTo(2.426, withinPercentage(0.5));
        // The paper reports LL = -9582.4 for these estimates.
        assertThat(fit.logLikelihood()).isCloseTo(-9582.4, withinPercentage(0.01));
    }

    @Test
    void gammaGammaOnTheRepeatCustomersGivesThePublishedParameters() throws IOException {
        List<Row> repeat = summary().stream().filter(r -> r.x() > 0).toList();
        assertThat(repeat).hasSize(946);
        Fit<GammaGamma> fit = ProbabilisticValue.fitGammaGamma(repeat.stream().mapToDouble(Row::x).toArray(),
                repeat.stream().mapToDouble(Row::zbar).toArray());
        assertThat(fit.converged()).as(fit.problem()).isTrue();
        assertThat(fit.model().p()).isCloseTo(6.25, withinPercentage(0.5));
        assertThat(fit.model().q()).isCloseTo(3.74, withinPercentage(0.5));
        assertThat(fit.model().v()).isCloseTo(15.44, withinPercentage(0.5));
    }

    @Test
    void theConditionalExpectationMatchesFaderAndHardiesWorkedExample() {
        // "Computing Conditional Expectations for the BG/NBD Model" (Fader, Hardie and Lee 2005 note): with the
        // published parameters, a customer with x = 2, t_x = 30.43, T = 38.86 is expected to make 1.226
        // purchases in the next 39 weeks.
        BgNbd model = new BgNbd(0.243, 4.414, 0.793, 2.426);
        assertThat(model.expectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.226, withinPercentage(0.5));
        assertThat(model.probabilityAlive(0, 0, 38.86)).isEqualTo(1.0);
    }

    @Test
    void theFastLikelihoodSumsEqualThePerCustomerFormulas() throws IOException {
        List<Row> rows = summary();
        double[] x = rows.stream().mapToDouble(Row::x).toArray();
        double[] tx = rows.stream().mapToDouble(Row::tx).toArray();
        double[] t = rows.stream().mapToDouble(Row::t).toArray();
        BgNbd bgNbd = new BgNbd(0.3, 5, 0.9, 2.1);
        double perCustomer = 0;
        for (int i = 0; i < x.length; i++) {
            perCustomer += bgNbd.logLikelihood(x[i], tx[i], t[i]);
        }
        assertThat(FastLikelihoods.BgNbdSum.ofCustomers(x, tx, t).value(bgNbd))
                .isCloseTo(perCustomer, withinPercentage(1e-9));

        List<Row> repeat = rows.stream().filter(r -> r.x() > 0).toList();
        double[] rx = repeat.stream().mapToDouble(Row::x).toArray();
        double[] m = repeat.stream().mapToDouble(Row::zbar).toArray();
        GammaGamma gammaGamma = new GammaGamma(5, 3, 12);
        double gg = 0;
        for (int i = 0; i < rx.length; i++) {
            gg += gammaGamma.logLikelihood(rx[i], m[i]);
        }
        assertThat(new FastLikelihoods.GammaGammaSum(rx, m).value(gammaGamma)).isCloseTo(gg, withinPercentage(1e-9));
    }

    @Test
    void countsPerDistinctSummaryFitTheSameModelsAsOneRowPerCustomer() throws IOException {
        // What the Spark job hands the optimiser: each distinct (x, t_x, T), or (x, mean spend), once, with the
        // number of customers who have it, counted here by hand.
        List<Row> rows = summary();
        Map<List<Double>, Long> triples = new LinkedHashMap<>();
        Map<List<Double>, Long> pairs = new LinkedHashMap<>();
        for (Row r : rows) {
            triples.merge(List.of(r.x(), r.tx(), r.t()), 1L, Long::sum);
            if (r.x() > 0) {
                pairs.merge(List.of(r.x(), r.zbar()), 1L, Long::sum);
            }
        }
        assertThat(triples.size()).isLessThan(rows.size());
        Fit<BgNbd> weighted = ProbabilisticValue.fitBgNbd(column(triples, 0), column(triples, 1),
                column(triples, 2), triples.values().stream().mapToDouble(Long::doubleValue).toArray());
        Fit<BgNbd> perCustomer = ProbabilisticValue.fitBgNbd(rows.stream().mapToDouble(Row::x).toArray(),
                rows.stream().mapToDouble(Row::tx).toArray(), rows.stream().mapToDouble(Row::t).toArray());
        assertThat(weighted.logLikelihood()).isCloseTo(perCustomer.logLikelihood(), withinPercentage(1e-9));
        assertThat(weighted.model().r()).isCloseTo(perCustomer.model().r(), withinPercentage(1e-4));
        assertThat(weighted.model().b()).isCloseTo(perCustomer.model().b(), withinPercentage(1e-4));

        Fit<GammaGamma> gammaGamma = ProbabilisticValue.fitGammaGamma(column(pairs, 0), column(pairs, 1),
                pairs.values().stream().mapToDouble(Long::doubleValue).toArray());
        assertThat(gammaGamma.model().p()).isCloseTo(6.25, withinPercentage(0.5));
        assertThat(gammaGamma.model().v()).isCloseTo(15.44, withinPercentage(0.5));
    }

    private static double[] column(Map<List<Double>, Long> counts, int index) {
        return counts.keySet().stream().mapToDouble(key -> key.get(index)).toArray();
    }
}
