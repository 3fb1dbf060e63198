package dev.custograph.analytics.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Names a segment from its centroid, as the seed's case study does ("high frequency, high spend"): the (at most three)
 * features on which the segment's mean is furthest from the whole base's, in standard deviations, if at least 0.3 of
 * one, most distinctive first; "average customers" when none is. Three, so that a name never hides the recency an
 * action below is based on ("high frequency, high spend, lapsed": win back). The suggested action reads recency, frequency and spend, when they are among
 * the features:
 * <pre>
 *   lapsed (recency  > +0.3 sd), spend above average  -> win back
 *   lapsed, spend not above average                   -> low-cost reactivation, or let go
 *   frequency and spend above average                 -> reward and retain
 *   spend above average, frequency not                -> raise purchase frequency
 *   frequency above average, spend not                -> raise basket size
 *   otherwise                                         -> nurture towards a repeat purchase
 * </pre>
 */
public final class SegmentNames {

    private static final double NOTABLE = 0.3;

    private SegmentNames() {
    }

    /** {@code z}: the segment's mean of each feature in standard deviations from the base's mean. */
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
