package dev.custograph.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** When the fitted value models say nothing real, the run says so, with what to use instead. */
class FitWarningsTest {

    /** Fader, Hardie and Lee's CDNOW estimates: a sound fit. */
    static final AnalyticsReport.BgNbdReport CDNOW = new AnalyticsReport.BgNbdReport(0.243, 4.414, 0.793, 2.426,
            -9582.4, "week", 2357, 100, true, null);
    static final AnalyticsReport.GammaGammaReport SPEND = new AnalyticsReport.GammaGammaReport(6.25, 3.74, 15.44,
            -4000.0, 946, 100, true, null);

    private static List<String> warnings(AnalyticsReport.BgNbdReport bgnbd, AnalyticsReport.GammaGammaReport spend) {
        return FitWarnings.of(bgnbd, spend, new int[0], new int[0], new double[0]);
    }

    @Test
    void soundFitsRaiseNothing() {
        assertThat(warnings(CDNOW, SPEND)).isEmpty();
    }

    @Test
    void aDropOutOfAboutZeroIsDegenerateAndSaysWhatToUseInstead() {
        // Northwind's fit: a of 1.8e-6 against b of 0.52, a mean drop-out of 3.5e-6.
        AnalyticsReport.BgNbdReport northwind = new AnalyticsReport.BgNbdReport(1.9, 45.0, 1.8e-6, 0.52, -1500.0,
                "week", 89, 200, true, null);
        List<String> warnings = warnings(northwind, SPEND);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).startsWith("BG/NBD's fit is degenerate: a = 1.8e-06 and b = 0.520")
                .contains("chance of leaving after a purchase at 3.5e-06")
                .contains("use RFM recency, churn risk (custograph churn) or the simple and retention CLVs");
    }

    @Test
    void parametersAtTheOptimisersEdgeAreNamed() {
        AnalyticsReport.BgNbdReport edge = new AnalyticsReport.BgNbdReport(2.0e5, 4.4, 0.8, 2.4, -1.0, "week", 10,
                10, true, null);
        assertThat(warnings(edge, SPEND)).containsExactly("BG/NBD's r = 2.0e+05 is at the edge of what the optimiser"
                + " tries: the likelihood kept improving towards a limit, so the value is not an estimate; treat"
                + " P(alive), expected purchases and BG/NBD CLV with care.");
    }

    @Test
    void aGammaGammaQOfOneOrLessHasNoMeanSpend() {
        AnalyticsReport.GammaGammaReport heavy = new AnalyticsReport.GammaGammaReport(2.0, 0.8, 10.0, -1.0, 50, 10,
                true, null);
        assertThat(warnings(CDNOW, heavy)).singleElement().asString().startsWith("Gamma-Gamma's q = 0.800 is 1 or"
                + " less: the mean spend it implies does not exist");
    }

    @Test
    void modelsThatDidNotFitAreReported() {
        AnalyticsReport.BgNbdReport failed = new AnalyticsReport.BgNbdReport(null, null, null, null, null, "week",
                3, 0, false, "fewer than 10 customers");
        assertThat(warnings(failed, SPEND)).singleElement().asString()
                .startsWith("BG/NBD did not fit (fewer than 10 customers)");
    }

    @Test
    void mostLapsedRepeatCustomersHeldAliveIsReported() {
        // Six repeat customers last seen 400 to 900 days ago, five of them with P(alive) above 0.95; the one-order
        // customer is BG/NBD's "alive until a repeat purchase" by design and is not counted.
        int[] orders = {3, 2, 5, 2, 4, 2, 1};
        int[] recency = {400, 500, 600, 700, 800, 900, 1000};
        double[] alive = {0.99, 0.97, 0.98, 0.96, 0.999, 0.2, 1.0};
        assertThat(FitWarnings.of(CDNOW, SPEND, orders, recency, alive)).singleElement().asString()
                .startsWith("P(alive) is above 0.95 for 5 of the 6 repeat customers whose last purchase is more than"
                        + " 365 days old");
        double[] lapsing = {0.2, 0.1, 0.3, 0.96, 0.05, 0.2, 1.0};
        assertThat(FitWarnings.of(CDNOW, SPEND, orders, recency, lapsing)).isEmpty();
    }
}
