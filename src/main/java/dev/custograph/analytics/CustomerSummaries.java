package dev.custograph.analytics;

import java.util.Arrays;

import dev.custograph.graph.CustomerHistories.History;

/**
 * Per-customer transaction summaries in primitive columns, one row per customer with at least one purchase up to the
 * as-of date: what every model needs, and nothing per order line. Days are epoch days; a "purchase" is a calendar
 * day with orders (same-day orders are one purchase, as in BG/NBD).
 *
 * <p>With a calibration end (equal to the as-of date when there is none), each row also holds its calibration
 * summary (repeat purchases, last purchase day and repeat spend up to that day) and its number of purchases in the
 * hold-out period after it; a customer whose first purchase falls after the calibration end has
 * {@code calibrated(i) == false}.
 */
public final class CustomerSummaries {

    private final int asOf;
    private final int calibrationEnd;
    private int size;
    private String[] ids = new String[1024];
    private int[] firstDay = new int[1024];
    private int[] lastDay = new int[1024];
    private int[] purchaseDays = new int[1024];
    private int[] orders = new int[1024];
    private double[] revenue = new double[1024];
    private double[] firstDaySpend = new double[1024];
    private int[] calibrationPurchases = new int[1024];
    private int[] calibrationLastDay = new int[1024];
    private double[] calibrationRepeatSpend = new double[1024];
    private int[] holdoutPurchases = new int[1024];

    public CustomerSummaries(int asOf, int calibrationEnd) {
        this.asOf = asOf;
        this.calibrationEnd = calibrationEnd;
    }

    /** Adds a customer's history (ignored if it has no purchase). */
    public void add(History history) {
        int n = history.purchaseDays();
        if (n == 0) {
            return;
        }
        grow();
        int i = size++;
        PurchaseSummary summary = PurchaseSummary.of(history.days(), history.spends(), history.orders(),
                calibrationEnd);
        ids[i] = history.customerId();
        firstDay[i] = summary.firstDay();
        lastDay[i] = summary.lastDay();
        purchaseDays[i] = summary.purchaseDays();
        firstDaySpend[i] = summary.firstDaySpend();
        revenue[i] = summary.revenue();
        orders[i] = summary.orders();
        calibrationPurchases[i] = summary.calibrationPurchases();
        calibrationLastDay[i] = summary.calibrationLastDay();
        calibrationRepeatSpend[i] = summary.calibrationRepeatSpend();
        holdoutPurchases[i] = summary.holdoutPurchases();
    }

    private void grow() {
        if (size < ids.length) {
            return;
        }
        int capacity = ids.length * 2;
        ids = Arrays.copyOf(ids, capacity);
        firstDay = Arrays.copyOf(firstDay, capacity);
        lastDay = Arrays.copyOf(lastDay, capacity);
        purchaseDays = Arrays.copyOf(purchaseDays, capacity);
        orders = Arrays.copyOf(orders, capacity);
        revenue = Arrays.copyOf(revenue, capacity);
        firstDaySpend = Arrays.copyOf(firstDaySpend, capacity);
        calibrationPurchases = Arrays.copyOf(calibrationPurchases, capacity);
        calibrationLastDay = Arrays.copyOf(calibrationLastDay, capacity);
        calibrationRepeatSpend = Arrays.copyOf(calibrationRepeatSpend, capacity);
        holdoutPurchases = Arrays.copyOf(holdoutPurchases, capacity);
    }

    public int size() {
        return size;
    }

    public int asOf() {
        return asOf;
    }

    public int calibrationEnd() {
        return calibrationEnd;
    }

    public String id(int i) {
        return ids[i];
    }

    public int firstDay(int i) {
        return firstDay[i];
    }

    public int lastDay(int i) {
        return lastDay[i];
    }

    /** Days since the last purchase, at the as-of date. */
    public int recencyDays(int i) {
        return asOf - lastDay[i];
    }

    /** Days since the first purchase, at the as-of date. */
    public int tenureDays(int i) {
        return asOf - firstDay[i];
    }

    public int orders(int i) {
        return orders[i];
    }

    public int purchaseDays(int i) {
        return purchaseDays[i];
    }

    public double revenue(int i) {
        return revenue[i];
    }

    public double averageOrderValue(int i) {
        return revenue[i] / orders[i];
    }

    /** Repeat purchases up to the as-of date (purchase days after the first). */
    public int repeatPurchases(int i) {
        return purchaseDays[i] - 1;
    }

    /** Mean spend of the repeat purchases up to the as-of date; 0 without any. */
    public double averageRepeatSpend(int i) {
        int x = repeatPurchases(i);
        return x == 0 ? 0 : (revenue[i] - firstDaySpend[i]) / x;
    }

    /** Whether the customer's first purchase is on or before the calibration end. */
    public boolean calibrated(int i) {
        return firstDay[i] <= calibrationEnd;
    }

    public int calibrationRepeatPurchases(int i) {
        return Math.max(0, calibrationPurchases[i] - 1);
    }

    /** Days from the first purchase to the last one in the calibration period. */
    public int calibrationRecencyDays(int i) {
        return calibrationLastDay[i] - firstDay[i];
    }

    /** Days from the first purchase to the calibration end. */
    public int calibrationAgeDays(int i) {
        return calibrationEnd - firstDay[i];
    }

    public double calibrationAverageRepeatSpend(int i) {
        int x = calibrationRepeatPurchases(i);
        return x == 0 ? 0 : calibrationRepeatSpend[i] / x;
    }

    public int holdoutPurchases(int i) {
        return holdoutPurchases[i];
    }
}
