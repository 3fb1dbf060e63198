package dev.custograph.model;

import java.time.LocalDate;
import java.util.List;

/** A current customer segment as the latest segmentation run wrote it; centroid in the features' own units. */
public record SegmentSnapshot(String segmentId, String name, String action, long size, double revenueShare,
                              List<String> features, List<Double> centroid, String model, String runId,
                              LocalDate asOf) {
}
