package dev.custograph.analytics;

/**
 * One customer's purchase days up to the as-of date reduced to what the value models need, with the split at the
 * calibration end: the in-JVM run keeps these in {@link CustomerSummaries}' columns, and the Spark job computes them
 * on the cluster, both through {@link #of}, so the two engines summarise a history alike.
 *
 * @param firstDay               epoch day of the first purchase
 * @param lastDay                epoch day of the last purchase
 * @param purchaseDays           calendar days with purchases (same-day orders are one purchase, as in BG/NBD)
 * @param orders                 orders placed
 * @param revenue                total spend, summed in day order
 * @param firstDaySpend          spend on the first purchase day
 * @param calibrationPurchases   purchase days on or before the calibration end
 * @param calibrationLastDay     the last of those (0 when there is none)
 * @param calibrationRepeatSpend spend on those days after the first
 * @param holdoutPurchases       purchase days after the calibration end
 */
public record PurchaseSummary(int firstDay, int lastDay, int purchaseDays, int orders, double revenue,
                              double firstDaySpend, int calibrationPurchases, int calibrationLastDay,
                              double calibrationRepeatSpend, int holdoutPurchases) implements java.io.Serializable {

    /**
     * The summary of a history of at least one purchase day: {@code days} ascending epoch days, each with its spend
     * and number of orders.
     */
    public static PurchaseSummary of(int[] days, double[] spends, int[] orders, int calibrationEnd) {
        int n = days.length;
        int calibrationCount = 0;
        int calibrationLast = 0;
        double calibrationRepeat = 0;
        int holdout = 0;
        int orderCount = 0;
        double total = 0;
        for (int d = 0; d < n; d++) {
            int day = days[d];
            total += spends[d];
            orderCount += orders[d];
            if (day <= calibrationEnd) {
                calibrationCount++;
                calibrationLast = day;
                if (d > 0) {
                    calibrationRepeat += spends[d];
                }
            } else {
                holdout++;
            }
        }
        return new PurchaseSummary(days[0], days[n - 1], n, orderCount, total, spends[0], calibrationCount,
                calibrationLast, calibrationRepeat, holdout);
    }

    /** Purchase days after the first. */
    public int repeatPurchases() {
        return purchaseDays - 1;
    }

    /** Mean spend of the repeat purchases; 0 without any. */
    public double averageRepeatSpend() {
        int x = repeatPurchases();
        return x == 0 ? 0 : (revenue - firstDaySpend) / x;
    }

    public double averageOrderValue() {
        return revenue / orders;
    }

    /** Whether the first purchase is on or before the calibration end (the customer is in the fit). */
    public boolean calibrated(int calibrationEnd) {
        return firstDay <= calibrationEnd;
    }

    public int calibrationRepeatPurchases() {
        return Math.max(0, calibrationPurchases - 1);
    }

    public double calibrationAverageRepeatSpend() {
        int x = calibrationRepeatPurchases();
        return x == 0 ? 0 : calibrationRepeatSpend / x;
    }
}
