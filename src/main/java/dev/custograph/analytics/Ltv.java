package dev.custograph.analytics;

/**
 * The two deterministic lifetime values, for the average customer:
 * <ul>
 *   <li><b>The seed's simple formula</b> (a rule of thumb, labelled as such): LTV = average order value x purchase
 *       frequency (orders per customer per year) x customer lifespan (years) x margin, with the lifespan
 *       1 / (1 - annual retention rate).
 *   <li><b>Retention-based CLV</b> (the seed's CLV = sum of CF_t x PV_t): CLV = sum over t = 0..N-1 of
 *       r^t x m / (1 + d)^t, with r the annual retention rate, m the margin an active customer brings in a year
 *       (last 365 days' revenue per customer who bought in them, x margin), d the annual discount rate and N the
 *       horizon in whole years (at least 1); and its infinite-horizon limit m (1 + d) / (1 + d - r).
 * </ul>
 * Without customers in the year before the last one there is no retention rate, and both are null.
 */
final class Ltv {

    private Ltv() {
    }

    static AnalyticsReport.Ltv compute(CustomerSummaries s, Timeline timeline, ValueAnalysis.Parameters p) {
        long orders = 0;
        double revenue = 0;
        int firstDay = Integer.MAX_VALUE;
        for (int i = 0; i < s.size(); i++) {
            orders += s.orders(i);
            revenue += s.revenue(i);
            firstDay = Math.min(firstDay, s.firstDay(i));
        }
        double years = Math.max(1.0 / 12, (s.asOf() - firstDay) / 365.25);
        double averageOrderValue = revenue / orders;
        double frequency = orders / (double) s.size() / years;
        Double retention = timeline.annualRetentionRate();
        Double lifespan = retention == null || retention >= 1 ? null : 1 / (1 - retention);
        Double simple = lifespan == null ? null : averageOrderValue * frequency * lifespan * p.margin();

        double annualMargin = timeline.lastYearCustomers() == 0 ? 0
                : timeline.lastYearRevenue() / timeline.lastYearCustomers() * p.margin();
        int horizonYears = (int) Math.max(1, Math.round(p.horizonUnits() * p.timeUnit().days / 365.25));
        Double retentionClv = null;
        Double retentionClvInfinite = null;
        if (retention != null) {
            double clv = 0;
            for (int t = 0; t < horizonYears; t++) {
                clv += Math.pow(retention, t) * annualMargin / Math.pow(1 + p.discountRate(), t);
            }
            retentionClv = clv;
            retentionClvInfinite = annualMargin * (1 + p.discountRate()) / (1 + p.discountRate() - retention);
        }
        return new AnalyticsReport.Ltv(new AnalyticsReport.SimpleLtv("seed's simple formula: AOV x frequency x"
                + " lifespan x margin", round(averageOrderValue), round(frequency), round(lifespan), p.margin(),
                round(simple)),
                new AnalyticsReport.RetentionClv(round(retention), round(annualMargin), horizonYears,
                        p.discountRate(), round(retentionClv), round(retentionClvInfinite)));
    }

    private static Double round(Double value) {
        return value == null || !Double.isFinite(value) ? null : Math.round(value * 10_000) / 10_000.0;
    }
}
