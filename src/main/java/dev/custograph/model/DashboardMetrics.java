package dev.custograph.model;

import java.util.List;

/**
 * Headline metrics for a dashboard: revenue by month, and the churn picture of the latest churn run (null before
 * the first). Segment sizes come from the current segments.
 */
public record DashboardMetrics(List<MonthRevenue> revenueByMonth, ChurnSummary churn) {

    /** One calendar month (yyyy-mm) of orders that were not cancelled. */
    public record MonthRevenue(String month, double revenue, long orders, long customers) {
    }

    /** Scored customers, those at or above the threshold, and the mean probability. */
    public record ChurnSummary(long scored, long atRisk, double threshold, double meanProbability,
                               Long horizonDays) {
    }
}
