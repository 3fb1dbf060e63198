package dev.custograph.analytics;

/** Counting in an ascending array by binary search: where a value would fall among a base of customers' values. */
public final class SortedValues {

    private SortedValues() {
    }

    /** How many of {@code sorted} are strictly below {@code value}. */
    public static int below(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** How many of {@code sorted} are at or below {@code value}. */
    public static int notAbove(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
