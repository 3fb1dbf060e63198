package dev.custograph.analytics.segment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What {@code segment} found: the chosen k (given, or by the best silhouette with the elbow curve beside it), the
 * inertia on the scaled features, and per segment its name, suggested action, size, share of revenue and centroid in
 * the features' own units (days, orders, currency).
 */
public record SegmentationReport(String runId, LocalDate asOf, int customers, List<String> features, String scale,
                                 int k, String kChosenBy, double inertia, int iterations, boolean converged,
                                 int restarts, long seed, List<Long> sizes, List<Segment> segments,
                                 List<KCandidate> elbow, Double silhouette, Map<String, Long> imputed,
                                 double projectionSeconds, double clusterSeconds, double writeSeconds,
                                 double seconds) {

    /** One segment; {@code centroid} maps each feature to the segment's mean in original units. */
    public record Segment(String segmentId, String name, String action, long size, double revenueShare,
                          Map<String, Double> centroid) {
    }

    /** One k tried when k is chosen automatically: inertia (the elbow curve) and silhouette on a sample. */
    public record KCandidate(int k, double inertia, double silhouette) {
    }
}
