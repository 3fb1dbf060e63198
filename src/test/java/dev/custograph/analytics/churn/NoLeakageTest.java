package dev.custograph.analytics.churn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import dev.custograph.analytics.CustomerFeatures;
import dev.custograph.graph.CustomerHistories.History;
import org.junit.jupiter.api.Test;

/** Moving a purchase about after the cutoff changes the label, never the features. */
class NoLeakageTest {

    static final int CUTOFF = (int) LocalDate.of(2024, 6, 30).toEpochDay();
    static final int HORIZON = 90;

    @Test
    void aPurchaseAfterTheCutoffDecidesTheLabelAndNothingElse() {
        int[] before = {CUTOFF - 200, CUTOFF - 50, CUTOFF};
        History withinHorizon = history(before, CUTOFF + 10);
        History afterHorizon = history(before, CUTOFF + HORIZON + 1);
        History onTheHorizon = history(before, CUTOFF + HORIZON);
        History none = new History("c", null, before, new double[] {10, 20, 30}, new int[] {1, 2, 1});

        assertThat(ChurnPrediction.churned(withinHorizon, CUTOFF, HORIZON)).isZero();
        assertThat(ChurnPrediction.churned(onTheHorizon, CUTOFF, HORIZON)).isZero();
        assertThat(ChurnPrediction.churned(afterHorizon, CUTOFF, HORIZON)).isOne();
        assertThat(ChurnPrediction.churned(none, CUTOFF, HORIZON)).isOne();

        double[] expected = {0, 4, 60, 200, 15}; // recency, frequency (orders), monetary, tenure, average order
        for (History h : List.of(withinHorizon, afterHorizon, onTheHorizon, none)) {
            CustomerFeatures.Builder builder = new CustomerFeatures.Builder(CustomerFeatures.BUILT_IN, CUTOFF);
            assertThat(builder.add(h)).isTrue();
            assertThat(builder.build(null).values()).containsExactly(expected);
        }
    }

    @Test
    void aCustomerWhoseFirstPurchaseIsAfterTheCutoffIsNotLabelled() {
        History late = history(new int[] {}, CUTOFF + 1);
        assertThat(new CustomerFeatures.Builder(CustomerFeatures.BUILT_IN, CUTOFF).add(late)).isFalse();
    }

    private static History history(int[] before, int after) {
        int n = before.length + 1;
        int[] days = java.util.Arrays.copyOf(before, n);
        days[n - 1] = after;
        double[] spends = new double[n];
        int[] orders = new int[n];
        double[] beforeSpends = {10, 20, 30};
        int[] beforeOrders = {1, 2, 1};
        for (int i = 0; i < before.length; i++) {
            spends[i] = beforeSpends[i];
            orders[i] = beforeOrders[i];
        }
        spends[n - 1] = 999;
        orders[n - 1] = 5;
        return new History("c", null, days, spends, orders);
    }
}
