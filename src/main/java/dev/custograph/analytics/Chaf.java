package dev.custograph.analytics;

/**
 * CHAF, the seed's heuristic (not a published model): frequency x average value / interval, here orders x average
 * order value / mean days between purchase days. It rises with spend and with buying often. Undefined (NaN) for a
 * customer with fewer than two purchase days, who has no interval yet.
 */
public final class Chaf {

    private Chaf() {
    }

    static double[] compute(CustomerSummaries s) {
        double[] chaf = new double[s.size()];
        for (int i = 0; i < s.size(); i++) {
            chaf[i] = of(s.orders(i), s.averageOrderValue(i), s.purchaseDays(i), s.lastDay(i) - s.firstDay(i));
        }
        return chaf;
    }

    /** One customer's CHAF, from orders, average order value, purchase days and days from the first to the last. */
    public static double of(int orders, double averageOrderValue, int purchaseDays, int spanDays) {
        int gaps = purchaseDays - 1;
        if (gaps <= 0) {
            return Double.NaN;
        }
        double interval = (double) spanDays / gaps;
        return orders * averageOrderValue / interval;
    }
}
