package dev.custograph.analytics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** The properties written onto the customer node. */
    Map<String, Object> properties(String runId, LocalDate asOf) {
        Map<String, Object> values = new HashMap<>();
        values.put("recencyDays", recencyDays);
        values.put("frequency", frequency);
        values.put("monetary", monetary);
        values.put("tenureDays", tenureDays);
        values.put("avgOrderValue", avgOrderValue);
        values.put("rfmR", rScore);
        values.put("rfmF", fScore);
        values.put("rfmM", mScore);
        values.put("rfmScore", rfmScore);
        values.put("rfmSegment", rfmSegment);
        values.put("pAlive", pAlive);
        values.put("expectedPurchases", expectedPurchases);
        values.put("expectedAvgSpend", expectedAvgSpend);
        values.put("clv", clv);
        values.put("chaf", chaf);
        values.put("purchaseDays", purchaseDays);
        values.put("firstPurchase", firstPurchase);
        values.put("lastPurchase", lastPurchase);
        values.put("valueRunId", runId);
        values.put("valueAsOf", asOf);
        return values;
    }

    private static Object round(Double value, int places) {
        if (value == null) {
            return null;
        }
        return java.math.BigDecimal.valueOf(value).setScale(places, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }
}
