package dev.custograph.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * The default policy's choices, reckoned by hand from the policy file: uplift = responseRate x gain - cost, expected
 * value = (1 - risk) x valueIfRetained + uplift.
 */
class ActionChooserTest {

    private final ActionChooser chooser = new ActionChooser(ActionPolicy.defaults(), 364);

    /** A customer with the given figures and nothing else known. */
    private static CustomerFacts customer(double risk, double valueIfRetained, double valuePercentile, int frequency,
                                          int recencyDays, double avgOrderValue, Integer daysToBirthday,
                                          CustomerFacts.Recommended recommended, String segmentAction) {
        return new CustomerFacts("C1", recencyDays, frequency, 1_000, 400, avgOrderValue, 5.0, 0.001, risk, 90,
                "Can't Lose", segmentAction == null ? null : "high frequency, high spend, recent", segmentAction,
                daysToBirthday, null, recommended, valueIfRetained, risk, "churn model", valuePercentile, 0.5);
    }

    @Test
    void aValuableCustomerLikelyLostIsWonBackWhateverItsSegmentSuggests() {
        // The C00001: a "reward and retain" segment, yet a 99.6% churn risk and 526 days since the last order.
        var product = new CustomerFacts.Recommended("P7", "Chai", "often bought with Chang, which they bought", 40);
        NextBestAction a = chooser.choose(customer(0.996, 1_000, 0.95, 12, 526, 80, null, product,
                "Reward and retain: discounts are not needed"));
        assertThat(a.action()).isEqualTo("WIN_BACK");
        double baseline = (1 - 0.996) * 1_000;
        double uplift = 0.10 * (0.996 * 1_000) - 2.00;
        assertThat(a.baseline()).isCloseTo(baseline, within(1e-9));
        assertThat(a.uplift()).isCloseTo(uplift, within(1e-9));
        assertThat(a.expectedValue()).isCloseTo(baseline + uplift, within(1e-9));
        assertThat(a.productId()).isEqualTo("P7");
        assertThat(a.reasons()).containsSubsequence(
                "offer Chai (P7): often bought with Chang, which they bought",
                "churn risk 99.6% (churn model, next 90 days); P(alive) 0.1%",
                "would spend 1,000.00 over 364 days at their past pace (top 5% of customers); CLV 5.00",
                "last order 526 days ago; 12 orders, 1,000.00 spent",
                "segment 'high frequency, high spend, recent' suggests: Reward and retain: discounts are not needed",
                "RFM segment Can't Lose");
        assertThat(a.reasons().get(a.reasons().size() - 1)).isEqualTo("expected value 101.60 = 4.00 with no action"
                + " + 97.60 from WIN_BACK (10.0% of 996.00 at risk - 2.00 cost)");
    }

    @Test
    void theBestPayingCandidateWins() {
        // Birthday in 3 days: 0.20 x 50 - 1 = 9.00; cross-sell: 0.05 x 0.7 x 20 - 0.2 = 0.50. Retain does not apply
        // (value in the bottom half), nor win back (risk below 0.5).
        var product = new CustomerFacts.Recommended("P1", "Tofu", "customers like them bought it", 20);
        NextBestAction a = chooser.choose(customer(0.3, 200, 0.4, 3, 30, 50, 3, product, null));
        assertThat(a.action()).isEqualTo("BIRTHDAY");
        assertThat(a.uplift()).isCloseTo(0.20 * 50 - 1, within(1e-9));
        assertThat(a.productId()).as("a birthday greeting takes no product").isNull();
        assertThat(a.reasons()).contains("birthday in 3 days");

        NextBestAction noBirthday = chooser.choose(customer(0.3, 200, 0.4, 3, 30, 50, null, product, null));
        assertThat(noBirthday.action()).isEqualTo("CROSS_SELL");
        assertThat(noBirthday.uplift()).isCloseTo(0.05 * 0.7 * 20 - 0.2, within(1e-9));
        assertThat(noBirthday.productId()).isEqualTo("P1");
    }

    @Test
    void whenNoActionPaysTheFallbackSaysWhy() {
        // Lapsed and worth little: reactivating brings 0.03 x 0.9 x 1 - 0.05 < 0.
        NextBestAction a = chooser.choose(customer(0.9, 1, 0.1, 1, 400, 1, null, null, null));
        assertThat(a.action()).isEqualTo("NO_ACTION");
        assertThat(a.uplift()).isZero();
        assertThat(a.expectedValue()).isCloseTo(0.1 * 1, within(1e-9));
        assertThat(a.reasons()).contains("no action pays for itself: the best, REACTIVATE, would bring -0.02");
    }

    @Test
    void aCustomerWithoutAFigureDoesNotMeetConditionsOnIt() {
        CustomerFacts noRisk = new CustomerFacts("C2", 10, 5, 500, 400, 100, null, null, null, null, null, null, null,
                null, 3, null, 455, null, null, 0.99, null);
        NextBestAction a = chooser.choose(noRisk);
        // Every default action but the welcome and birthday ones needs a risk; this customer has bought five times.
        assertThat(a.action()).isEqualTo("NO_ACTION");
        assertThat(a.reasons()).contains("no churn or P(alive) figure (run analyze and churn): risk taken as 50%",
                "anniversary as a customer in 3 days", "no action's conditions hold");
        assertThat(a.baseline()).isCloseTo(0.5 * 455, within(1e-9));
    }

    @Test
    void theCareListsAreNamedWhenTheCustomerIsOnOne() {
        CustomerFacts valuableAtRisk = new CustomerFacts("C3", 300, 9, 2_000, 700, 220, 50.0, 0.1, 0.7, 90, "At Risk",
                null, null, 10, null, null, 1_040, 0.7, "churn model", 0.9, 0.85);
        assertThat(chooser.choose(valuableAtRisk).reasons()).contains(
                "on the high-value-at-risk care list (CLV in the top fifth, risk 50% or more)", "birthday in 10 days");
    }

    @Test
    void valueIfRetainedIsThePaceSoFarOverAtLeastAQuarter() {
        assertThat(CustomerFacts.valueIfRetained(730, 730, 365)).isCloseTo(365, within(1e-9));
        // Ten days old: measured over 90 days, not ten.
        assertThat(CustomerFacts.valueIfRetained(90, 10, 365)).isCloseTo(365, within(1e-9));
    }

    @Test
    void birthdaysCountFromToday() {
        LocalDate today = LocalDate.of(2026, 12, 30);
        assertThat(NextBestActions.daysUntil(LocalDate.of(1980, 12, 30), today)).isZero();
        assertThat(NextBestActions.daysUntil(LocalDate.of(1980, 1, 2), today)).isEqualTo(3);
        // 29 February falls on 1 March in a common year.
        assertThat(NextBestActions.daysUntil(LocalDate.of(1984, 2, 29), LocalDate.of(2027, 2, 27))).isEqualTo(2);
        assertThat(NextBestActions.daysUntil(null, today)).isNull();
    }

    @Test
    void ranksAreSaidAsATopOrBottomShare() {
        assertThat(ActionChooser.rank(0.95)).isEqualTo("top 5% of customers");
        assertThat(ActionChooser.rank(0.999)).isEqualTo("top 1% of customers");
        assertThat(ActionChooser.rank(0.3)).isEqualTo("bottom 30% of customers");
    }
}
