package dev.custograph.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import dev.custograph.analytics.ProbabilisticValue.TimeUnit;
import dev.custograph.graph.CustomerHistories.History;
import org.junit.jupiter.api.Test;

/**
 * Data the models cannot learn much from: no repeat purchases, identical customers, a single customer, zero spend.
 * A fit either converges to finite, positive parameters whose predictions are all finite, or says it did not and
 * why; no NaN reaches a customer as a number.
 */
class ModelEdgeCasesTest {

    static final int AS_OF = (int) LocalDate.of(2024, 12, 31).toEpochDay();
    static final int DAY0 = (int) LocalDate.of(2024, 1, 1).toEpochDay();

    @Test
    void customersWithoutRepeatPurchases() {
        CustomerSummaries s = summaries(List.of(history("a", 0), history("b", 10), history("c", 40)));
        assertSane(ProbabilisticValue.run(s, TimeUnit.WEEK, 52, 0.1, 1));
    }

    @Test
    void identicalCustomers() {
        CustomerSummaries s = summaries(List.of(history("a", 0, 30, 60), history("b", 0, 30, 60),
                history("c", 0, 30, 60), history("d", 0, 30, 60)));
        assertSane(ProbabilisticValue.run(s, TimeUnit.DAY, 365, 0.1, 1));
    }

    @Test
    void aSingleCustomer() {
        ProbabilisticValue.Result result = ProbabilisticValue.run(summaries(List.of(history("a", 0, 5, 100))),
                TimeUnit.WEEK, 52, 0.1, 1);
        assertSane(result);
        assertThat(result.gammaGamma().converged()).isFalse();
        assertThat(result.gammaGamma().problem()).isEqualTo("fewer than 2 customers with repeat purchases of "
                + "positive value");
    }

    @Test
    void zeroSpend() {
        CustomerSummaries s = new CustomerSummaries(AS_OF, AS_OF);
        s.add(new History("a", null, new int[] {DAY0, DAY0 + 20}, new double[] {0, 0}, new int[] {1, 1}));
        s.add(new History("b", null, new int[] {DAY0 + 3, DAY0 + 50}, new double[] {0, 0}, new int[] {1, 1}));
        ProbabilisticValue.Result result = ProbabilisticValue.run(s, TimeUnit.WEEK, 52, 0.1, 1);
        assertSane(result);
        assertThat(result.gammaGamma().converged()).isFalse();
        assertThat(values(result.clv())).allMatch(v -> v.isNaN());
    }

    @Test
    void rfmScoresOfTiedCustomersAreEqualAndInRange() {
        Rfm.Result rfm = Rfm.score(summaries(List.of(history("a", 0), history("b", 0), history("c", 0))));
        assertThat(rfm.r()).containsOnly(1);
        assertThat(rfm.f()).containsOnly(1);
        assertThat(rfm.segment()).containsOnly("Lost");
    }

    private static void assertSane(ProbabilisticValue.Result result) {
        for (MaximumLikelihood.Fit<?> fit : List.of(result.bgNbd(), result.gammaGamma())) {
            if (fit.converged()) {
                assertThat(fit.model()).isNotNull();
                assertThat(fit.logLikelihood()).isFinite();
            } else {
                assertThat(fit.model()).isNull();
                assertThat(fit.problem()).isNotBlank();
            }
        }
        if (result.bgNbd().converged()) {
            BgNbd m = result.bgNbd().model();
            assertThat(values(new double[] {m.r(), m.alpha(), m.a(), m.b()})).allMatch(v -> Double.isFinite(v) && v > 0);
            assertThat(values(result.probabilityAlive())).allMatch(p -> p >= 0 && p <= 1);
            assertThat(values(result.expectedPurchases())).allMatch(e -> Double.isFinite(e) && e >= 0);
        } else {
            assertThat(values(result.probabilityAlive())).allMatch(v -> v.isNaN());
        }
        if (result.bgNbd().converged() && result.gammaGamma().converged()) {
            assertThat(values(result.clv())).allMatch(v -> Double.isFinite(v));
        }
    }

    private static List<Double> values(double[] array) {
        return java.util.Arrays.stream(array).boxed().toList();
    }

    private static History history(String id, int... dayOffsets) {
        int[] days = new int[dayOffsets.length];
        double[] spends = new double[dayOffsets.length];
        int[] orders = new int[dayOffsets.length];
        for (int i = 0; i < days.length; i++) {
            days[i] = DAY0 + dayOffsets[i];
            spends[i] = 20;
            orders[i] = 1;
        }
        return new History(id, null, days, spends, orders);
    }

    private static CustomerSummaries summaries(List<History> histories) {
        CustomerSummaries s = new CustomerSummaries(AS_OF, AS_OF);
        histories.forEach(s::add);
        return s;
    }
}
