package dev.custograph.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * One customer's results: RFM inputs and scores, the probabilistic value (null where the models could not be
 * fitted) and the seed's CHAF (null with fewer than two purchase days).
 */
public record CustomerValue(String customerId, int recencyDays, int frequency, double monetary, int tenureDays,
                            double avgOrderValue, int rScore, int fScore, int mScore, double rfmScore,
                            String rfmSegment, Double pAlive, Double expectedPurchases, Double expectedAvgSpend,
                            Double clv, Double chaf, int purchaseDays, LocalDate firstPurchase,
                            LocalDate lastPurchase) {

    /** The CSV export's columns, in order. */
    public static final List<String> CSV_COLUMNS = List.of("customer_id", "recency_days", "frequency", "monetary",
            "r_score", "f_score", "m_score", "rfm_score", "rfm_segment", "p_alive", "expected_purchases",
            "expected_avg_spend", "clv", "chaf");

    public List<Object> csvRow() {
        return java.util.Arrays.asList(customerId, recencyDays, frequency, round(monetary, 2), rScore, fScore, mScore,
                round(rfmScore, 2), rfmSegment, round(pAlive, 6), round(expectedPurchases, 6),
                round(expectedAvgSpend, 4), round(clv, 4), round(chaf, 6));
    }

    /**
     * The values written onto the customer node, in the order of {@code cypher/analytics/write-customer-values}:
     * a list, not a map, because a million rows would otherwise carry twenty million key strings through Bolt.
     */
    List<Object> graphRow() {
        return java.util.Arrays.asList(customerId, recencyDays, frequency, monetary, tenureDays, avgOrderValue, rScore,
                fScore, mScore, rfmScore, rfmSegment, pAlive, expectedPurchases, expectedAvgSpend, clv, chaf,
                purchaseDays, firstPurchase, lastPurchase);
    }

    private static Object round(Double value, int places) {
        if (value == null) {
            return null;
        }
        return java.math.BigDecimal.valueOf(value).setScale(places, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }
}
