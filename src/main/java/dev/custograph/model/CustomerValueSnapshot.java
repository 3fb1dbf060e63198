package dev.custograph.model;

import java.time.LocalDate;

/**
 * What the latest analytics run stored on one customer: RFM inputs and scores, the probabilistic value (null where
 * the models could not be fitted), CHAF, and the purchase history summary (purchase days, first and last purchase)
 * that lets expected purchases be recomputed for any horizon.
 */
public record CustomerValueSnapshot(String customerId, String runId, LocalDate asOf, int recencyDays, int frequency,
                                    double monetary, int rScore, int fScore, int mScore, double rfmScore,
                                    String rfmSegment, Double pAlive, Double expectedPurchases,
                                    Double expectedAvgSpend, Double clv, Double chaf, int purchaseDays,
                                    LocalDate firstPurchase, LocalDate lastPurchase) {
}
