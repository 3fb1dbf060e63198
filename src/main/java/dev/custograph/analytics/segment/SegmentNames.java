package dev.custograph.analytics.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import dev.custograph.analytics.SortedValues;

/**
 * Names a segment from where its members sit in the whole base, as the seed's case study words it ("high frequency,
 * high spend"). For each feature, the segment's <em>position</em> is where its members' median falls among all
 * customers' values: the share of customers below it (ties counted half), minus one half, so -0.5 is the very bottom,
 * 0 the base's median and +0.5 the top. The name takes the (at most three) features whose position is furthest from 0,
 * if at least 0.15 (the median beyond the base's 35th or 65th percentile), most distinctive first; "average customers"
 * when none is. Three, so that a name never hides the recency an action below is based on ("high frequency, high
 * spend, lapsed": win back).
 *
 * <p>Medians, not the centroid: a centroid is a mean of scaled features, and a few customers far out pull it; the
 * demo's segment named "recent" from its centroid held customers whose last order was 526 days ago. A median against
 * the base says what most members are.
 *
 * <p>The suggested action reads recency, frequency and spend, when they are among the features:
 * <pre>
 *   lapsed (recency position >= +0.15), spend above the median  -> win back
 *   lapsed, spend not above the median                          -> low-cost reactivation, or let go
 *   frequency and spend above the median                        -> reward and retain
 *   spend above the median, frequency not                       -> raise purchase frequency
 *   frequency above the median, spend not                       -> raise basket size
 *   otherwise                                                   -> nurture towards a repeat purchase
 * </pre>
 */
public final class SegmentNames {

    /** How far from the base's median (in share of customers) a segment's median must be to name it. */
    static final double NOTABLE = 0.15;

    private SegmentNames() {
    }

    /**
     * Where {@code median} falls among {@code sortedBase} (all customers' values of a feature, ascending): the share
     * below it, ties counted half, minus one half.
     */
    public static double position(double[] sortedBase, double median) {
        int below = SortedValues.below(sortedBase, median);
        int notAbove = SortedValues.notAbove(sortedBase, median);
        return (below + (notAbove - below) / 2.0) / sortedBase.length - 0.5;
    }

    /** {@code z}: the segment's position on each feature ({@link #position}), in the features' order. */
    public static String name(List<String> features, double[] z) {
        List<Integer> notable = IntStream.range(0, z.length).boxed()
                .filter(j -> Math.abs(z[j]) >= NOTABLE)
                .sorted(Comparator.comparingDouble(j -> -Math.abs(z[j])))
                .limit(3).toList();
        if (notable.isEmpty()) {
            return "average customers";
        }
        List<String> words = new ArrayList<>();
        for (int j : notable) {
            words.add(word(features.get(j), z[j] > 0));
        }
        return String.join(", ", words);
    }

    /** {@code z}: the segment's position on each feature ({@link #position}), in the features' order. */
    public static String action(List<String> features, double[] z) {
        double recency = value(features, z, "recency");
        double frequency = value(features, z, "frequency");
        double spend = value(features, z, "monetary");
        if (recency > NOTABLE) {
            return spend > 0 ? "Win back: they were valuable and have gone quiet; a personal offer before they are lost"
                    : "Reactivate cheaply or let go: a low-cost reminder, no discounts";
        }
        if (frequency > 0 && spend > 0) {
            return "Reward and retain: loyalty programme, early access, service first; discounts are not needed";
        }
        if (spend > 0) {
            return "Raise purchase frequency: replenishment reminders and personalised recommendations";
        }
        if (frequency > 0) {
            return "Raise basket size: bundles, cross-sell and free-delivery thresholds";
        }
        return "Nurture: welcome series and an incentive for the next purchase";
    }

    private static double value(List<String> features, double[] z, String feature) {
        int j = features.indexOf(feature);
        return j < 0 ? 0 : z[j];
    }

    private static String word(String feature, boolean high) {
        return switch (feature) {
            case "recency" -> high ? "lapsed" : "recent";
            case "frequency" -> high ? "high frequency" : "low frequency";
            case "monetary" -> high ? "high spend" : "low spend";
            case "tenure" -> high ? "long-standing" : "new";
            case "avgOrderValue" -> high ? "large orders" : "small orders";
            default -> (high ? "high " : "low ") + feature;
        };
    }
}
