package dev.custograph.analytics.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Metrics on a case small enough to count by hand. */
class ClassificationMetricsTest {

    @Test
    void metricsOfSixPredictionsCountedByHand() {
        double[] p = {0.9, 0.8, 0.6, 0.4, 0.3, 0.6};
        int[] y = {1, 1, 0, 1, 0, 0};
        ClassificationMetrics m = ClassificationMetrics.of(p, y);
        // Predicted churners (p >= 0.5): 0.9, 0.8, 0.6, 0.6 -> true positives 2, false positives 2; the churner at
        // 0.4 is missed; the stayer at 0.3 is right. Accuracy 3/6, precision 2/4, recall 2/3, F1 4/7.
        assertThat(m.accuracy()).isCloseTo(0.5, within(1e-12));
        assertThat(m.precision()).isCloseTo(0.5, within(1e-12));
        assertThat(m.recall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.f1()).isCloseTo(4.0 / 7, within(1e-12));
        // Pairs (churner, stayer) ranked correctly: 0.9 and 0.8 beat all 3 stayers (6), 0.4 beats 0.3 (1); the two
        // 0.6 stayers tie with nobody; 7 of 9 pairs.
        assertThat(m.auc()).isCloseTo(7.0 / 9, within(1e-12));
        double logLoss = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.4) + Math.log(0.4) + Math.log(0.7)
                + Math.log(0.4)) / 6;
        assertThat(m.logLoss()).isCloseTo(logLoss, within(1e-12));
    }

    @Test
    void tiesCountHalfInTheAuc() {
        ClassificationMetrics m = ClassificationMetrics.of(new double[] {0.5, 0.5}, new int[] {1, 0});
        assertThat(m.auc()).isCloseTo(0.5, within(1e-12));
    }
}
