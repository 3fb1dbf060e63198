package dev.custograph.analytics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.custograph.graph.CustomerHistories.History;

/**
 * What happens month by month, accumulated from each customer's history as it streams past (so nothing per order
 * is kept): revenue and orders by month (seasonality), churn per month, retention by monthly cohort, and the
 * year-over-year retention rate behind the retention-based CLV.
 *
 * <ul>
 *   <li>A customer is <b>active</b> at a day if they purchased in the {@code activeDays} days up to it.
 *   <li><b>Churn rate</b> of a month, the seed's formula: customers active at the end of the previous month who are no
 *       longer active at the end of this one, divided by those active at the end of the previous month.
 *   <li><b>Cohort retention</b>: a cohort is the customers whose first purchase fell in one month; its value at
 *       month k is the share of the cohort that purchased in the k-th month after (k = 0 is 100%).
 *   <li><b>Annual retention rate</b>: of the customers who purchased in the year before the last 365 days, the
 *       share who purchased again in the last 365 days.
 * </ul>
 */
public final class Timeline {

    /** Revenue and orders of one calendar month. */
    public record Month(String month, double revenue, long orders) {
    }

    /** One month's churn: active at the start, lost during it, and the rate. */
    public record Churn(String month, long activeAtStart, long lost, Double rate) {
    }

    /** A monthly cohort: its size and the share purchasing in each following month. */
    public record Cohort(String month, long customers, List<Double> retention) {
    }

    private final int asOf;
    private final int activeDays;
    private final TreeMap<Integer, double[]> revenueByMonth = new TreeMap<>();
    private final TreeMap<Integer, long[]> activeAndLost = new TreeMap<>();
    private final TreeMap<Integer, TreeMap<Integer, Long>> cohorts = new TreeMap<>();
    private long previousYearCustomers;
    private long retainedCustomers;
    private long lastYearCustomers;
    private double lastYearRevenue;
    private final Map<String, double[]> countries = new java.util.HashMap<>();

    public Timeline(LocalDate asOf, int activeDays) {
        this.asOf = (int) asOf.toEpochDay();
        this.activeDays = activeDays;
    }

    public void add(History h) {
        int n = h.purchaseDays();
        if (n == 0) {
            return;
        }
        double[] country = countries.computeIfAbsent(h.country() == null ? "(unknown)" : h.country(),
                c -> new double[2]);
        country[1]++;
        for (double spend : h.spends()) {
            country[0] += spend;
        }
        int previousMonth = Integer.MIN_VALUE;
        int cohort = month(h.days()[0]);
        TreeMap<Integer, Long> cohortCounts = cohorts.computeIfAbsent(cohort, c -> new TreeMap<>());
        boolean inPreviousYear = false;
        boolean inLastYear = false;
        for (int d = 0; d < n; d++) {
            int day = h.days()[d];
            int month = month(day);
            double[] totals = revenueByMonth.computeIfAbsent(month, m -> new double[2]);
            totals[0] += h.spends()[d];
            totals[1] += h.orders()[d];
            if (month != previousMonth) {
                cohortCounts.merge(month - cohort, 1L, Long::sum);
                previousMonth = month;
            }
            inPreviousYear |= day > asOf - 730 && day <= asOf - 365;
            if (day > asOf - 365) {
                inLastYear = true;
                lastYearRevenue += h.spends()[d];
            }
        }
        if (inLastYear) {
            lastYearCustomers++;
        }
        if (inPreviousYear) {
            previousYearCustomers++;
            if (inLastYear) {
                retainedCustomers++;
            }
        }
        // Active at each month end from the first purchase's month to the as-of month.
        int d = 0;
        boolean wasActive = false;
        for (int month = cohort; month <= month(asOf); month++) {
            int end = Math.min(monthEnd(month), asOf);
            while (d + 1 < n && h.days()[d + 1] <= end) {
                d++;
            }
            boolean active = h.days()[d] <= end && h.days()[d] > end - activeDays;
            long[] counts = activeAndLost.computeIfAbsent(month, m -> new long[2]);
            if (active) {
                counts[0]++;
            }
            if (wasActive && !active) {
                counts[1]++;
            }
            wasActive = active;
        }
    }

    public List<Month> revenueByMonth() {
        List<Month> months = new ArrayList<>();
        revenueByMonth.forEach((m, t) -> months.add(new Month(name(m), Math.round(t[0] * 100) / 100.0,
                (long) t[1])));
        return months;
    }

    public List<Churn> churnByMonth() {
        List<Churn> churn = new ArrayList<>();
        long previousActive = -1;
        for (Map.Entry<Integer, long[]> e : activeAndLost.entrySet()) {
            if (previousActive >= 0) {
                long lost = e.getValue()[1];
                churn.add(new Churn(name(e.getKey()), previousActive, lost,
                        previousActive == 0 ? null : (double) lost / previousActive));
            }
            previousActive = e.getValue()[0];
        }
        return churn;
    }

    public List<Cohort> cohorts() {
        List<Cohort> result = new ArrayList<>();
        cohorts.forEach((cohort, counts) -> {
            long size = counts.getOrDefault(0, 0L);
            int last = month(asOf) - cohort;
            List<Double> retention = new ArrayList<>();
            for (int k = 0; k <= last; k++) {
                retention.add(size == 0 ? null : Math.round(10_000.0 * counts.getOrDefault(k, 0L) / size) / 10_000.0);
            }
            result.add(new Cohort(name(cohort), size, retention));
        });
        return result;
    }

    /** The {@code limit} countries with the most revenue: country, revenue, buying customers. */
    public List<Map<String, Object>> topCountries(int limit) {
        return countries.entrySet().stream()
                .sorted(java.util.Comparator.<Map.Entry<String, double[]>>comparingDouble(e -> -e.getValue()[0])
                        .thenComparing(Map.Entry::getKey))
                .limit(limit)
                .map(e -> Map.<String, Object>of("country", e.getKey(),
                        "revenue", Math.round(e.getValue()[0] * 100) / 100.0, "customers", (long) e.getValue()[1]))
                .toList();
    }

    /** Active customers at the as-of date. */
    public long activeAtAsOf() {
        long[] last = activeAndLost.get(month(asOf));
        return last == null ? 0 : last[0];
    }

    /** Share of last year's customers who bought again this year; null when there were none last year. */
    public Double annualRetentionRate() {
        return previousYearCustomers == 0 ? null : (double) retainedCustomers / previousYearCustomers;
    }

    public long previousYearCustomers() {
        return previousYearCustomers;
    }

    /** Customers who bought in the 365 days up to the as-of date, and what they spent in them. */
    public long lastYearCustomers() {
        return lastYearCustomers;
    }

    public double lastYearRevenue() {
        return lastYearRevenue;
    }

    private static int month(int epochDay) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        return date.getYear() * 12 + date.getMonthValue() - 1;
    }

    private static int monthEnd(int month) {
        return (int) YearMonth.of(month / 12, month % 12 + 1).atEndOfMonth().toEpochDay();
    }

    private static String name(int month) {
        return YearMonth.of(month / 12, month % 12 + 1).toString();
    }
}
