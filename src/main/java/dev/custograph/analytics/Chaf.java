package dev.custograph.analytics;

/**
 * CHAF, the seed's heuristic (not a published model): frequency x average value / interval, here orders x average
 * order value / mean days between purchase days. It rises with spend and with buying often. Undefined (NaN) for a
 * customer with fewer than two purchase days, who has no interval yet.
 */
final class Chaf {

    private Chaf() {
    }

    static double[] compute(CustomerSummaries s) {
        double[] chaf = new double[s.size()];
        for (int i = 0; i < s.size(); i++) {
            int gaps = s.purchaseDays(i) - 1;
            if (gaps <= 0) {
                chaf[i] = Double.NaN;
                continue;
            }
            double interval = (double) (s.lastDay(i) - s.firstDay(i)) / gaps;
            chaf[i] = s.orders(i) * s.averageOrderValue(i) / interval;
        }
        return chaf;
    }
}
