package dev.custograph.analytics;

import java.util.ArrayList;
import java.util.List;

import dev.custograph.model.ValueCharts;

/**
 * Equal-width histograms of long-tailed figures such as CLV. The bins span the smallest value to the 99th percentile;
 * the few customers above it go into the last bin, whose upper edge is then the largest value. Without the cap, one
 * exceptional customer would squeeze everyone else into the first bin.
 */
public final class Histograms {

    static final double CAP_QUANTILE = 0.99;

    private Histograms() {
    }

    /** {@code sorted} must be in ascending order; {@code bins} is at least 1. */
    public static ValueCharts.Histogram of(double[] sorted, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1, was " + bins);
        }
        int n = sorted.length;
        if (n == 0) {
            return new ValueCharts.Histogram(List.of(), 0, 0, 0);
        }
        double low = sorted[0];
        double max = sorted[n - 1];
        // Nearest rank: the smallest value with at least 99% of the values at or below it.
        double cap = sorted[Math.max(0, (int) Math.ceil(CAP_QUANTILE * n) - 1)];
        long aboveCap = 0;
        for (int i = n - 1; i >= 0 && sorted[i] > cap; i--) {
            aboveCap++;
        }
        if (cap <= low) {
            return new ValueCharts.Histogram(List.of(new ValueCharts.Bin(low, max, n)), n, cap, aboveCap);
        }
        double width = (cap - low) / bins;
        long[] counts = new long[bins];
        for (double value : sorted) {
            int bin = (int) Math.floor((value - low) / width);
            counts[Math.min(bins - 1, Math.max(0, bin))]++;
        }
        List<ValueCharts.Bin> result = new ArrayList<>(bins);
        for (int i = 0; i < bins; i++) {
            double to = i == bins - 1 ? max : low + (i + 1) * width;
            result.add(new ValueCharts.Bin(low + i * width, to, counts[i]));
        }
        return new ValueCharts.Histogram(result, n, cap, aboveCap);
    }
}
