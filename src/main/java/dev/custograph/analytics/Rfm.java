package dev.custograph.analytics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFM (Hughes, "Strategic Database Marketing", 1994) as of a date: recency = days since the last purchase,
 * frequency = number of orders, monetary = total spend.
 *
 * <p><b>Quintile scores 1-5</b>: a customer's score is 1 + floor(5 * below / n), where {@code below} counts the
 * customers with a strictly worse value and n all customers. Equal values therefore always share a score (the one
 * their first position would get), so a large tie, such as all one-order customers, sits in one low quintile
 * instead of being split at random; quintiles can then be uneven, and a score can be absent. Recency is reversed:
 * fewer days is better.
 *
 * <p><b>Weighted score</b> (the seed's): 0.5 R + 0.3 F + 0.2 M, from 1 to 5.
 *
 * <p><b>Segments</b> from the R and F scores (monetary follows frequency closely and is left to the score):
 * <pre>
 *          F=1             F=2            F=3             F=4          F=5
 *   R=5    New             Potential Loy. Potential Loy.  Champions    Champions
 *   R=4    Promising       Potential Loy. Potential Loy.  Loyal        Champions
 *   R=3    About to Sleep  About to Sleep Need Attention  Loyal        Loyal
 *   R=2    Hibernating     Hibernating    At Risk         At Risk      At Risk
 *   R=1    Lost            Lost           At Risk         At Risk      Can't Lose
 * </pre>
 */
public final class Rfm {

    /** The segment names, best first. */
    public static final List<String> SEGMENTS = List.of("Champions", "Loyal", "Potential Loyalist", "New",
            "Promising", "Need Attention", "About to Sleep", "At Risk", "Can't Lose", "Hibernating", "Lost");

    /** What a marketer usually does for each segment: the common RFM playbook. */
    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("Champions", "Reward them: early access, loyalty perks; ask for reviews and referrals"),
            Map.entry("Loyal", "Upsell higher-value products; invite to the loyalty programme"),
            Map.entry("Potential Loyalist", "Offer membership or a second-purchase incentive; recommend related products"),
            Map.entry("New", "Welcome series and onboarding; make the second purchase easy"),
            Map.entry("Promising", "Build the habit: free shipping threshold, personalised picks"),
            Map.entry("Need Attention", "Limited-time offers based on past purchases; reactivate before they slip"),
            Map.entry("About to Sleep", "Share popular products and a modest discount; reconnect now"),
            Map.entry("At Risk", "Personal win-back messages and strong offers; ask what went wrong"),
            Map.entry("Can't Lose", "Win them back at high priority: personal contact, best offers"),
            Map.entry("Hibernating", "Low-cost reminders of relevant products; do not overspend"),
            Map.entry("Lost", "One last win-back attempt; otherwise leave out of paid campaigns"));

    /** The suggested action for an RFM segment, or null for a name that is not one of {@link #SEGMENTS}. */
    public static String action(String segment) {
        return segment == null ? null : ACTIONS.get(segment);
    }

    private static final String[][] MAP = {
            // index [r - 1][f - 1]
            {"Lost", "Lost", "At Risk", "At Risk", "Can't Lose"},
            {"Hibernating", "Hibernating", "At Risk", "At Risk", "At Risk"},
            {"About to Sleep", "About to Sleep", "Need Attention", "Loyal", "Loyal"},
            {"Promising", "Potential Loyalist", "Potential Loyalist", "Loyal", "Champions"},
            {"New", "Potential Loyalist", "Potential Loyalist", "Champions", "Champions"},
    };

    /** Scores per customer in summary order, and the number of customers per segment. */
    public record Result(int[] r, int[] f, int[] m, double[] score, String[] segment, Map<String, Long> segmentSizes) {
    }

    private Rfm() {
    }

    public static String segment(int r, int f) {
        return MAP[r - 1][f - 1];
    }

    public static Result score(CustomerSummaries s) {
        int n = s.size();
        double[] recency = new double[n];
        double[] frequency = new double[n];
        double[] monetary = new double[n];
        for (int i = 0; i < n; i++) {
            recency[i] = -s.recencyDays(i);
            frequency[i] = s.orders(i);
            monetary[i] = rankedMoney(s.revenue(i));
        }
        int[] r = quintiles(recency);
        int[] f = quintiles(frequency);
        int[] m = quintiles(monetary);
        double[] score = new double[n];
        String[] segment = new String[n];
        Map<String, Long> sizes = new LinkedHashMap<>();
        SEGMENTS.forEach(name -> sizes.put(name, 0L));
        for (int i = 0; i < n; i++) {
            score[i] = weightedScore(r[i], f[i], m[i]);
            segment[i] = segment(r[i], f[i]);
            sizes.merge(segment[i], 1L, Long::sum);
        }
        return new Result(r, f, m, score, segment, sizes);
    }

    /** The seed's weighted score, 0.5 R + 0.3 F + 0.2 M. */
    public static double weightedScore(int r, int f, int m) {
        return 0.5 * r + 0.3 * f + 0.2 * m;
    }

    /** The quintile score of a value that {@code below} of the {@code n} customers have strictly less of. */
    public static int quintile(long below, long n) {
        return 1 + (int) (5L * below / n);
    }

    /**
     * Spend as RFM ranks it: to a millionth. Two customers whose purchases add up to the same amount, summed in
     * another order (by another engine, or another expansion order of the graph), can differ in the last binary
     * digit; they must still tie.
     */
    public static double rankedMoney(double amount) {
        return Math.round(amount * 1e6) / 1e6;
    }

    /** 1 + floor(5 * (number of strictly smaller values) / n), higher values scoring higher. */
    static int[] quintiles(double[] values) {
        int n = values.length;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int[] scores = new int[n];
        for (int i = 0; i < n; i++) {
            int below = lowerBound(sorted, values[i]);
            scores[i] = quintile(below, n);
        }
        return scores;
    }

    /** The number of elements of {@code sorted} strictly less than {@code value}. */
    private static int lowerBound(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
