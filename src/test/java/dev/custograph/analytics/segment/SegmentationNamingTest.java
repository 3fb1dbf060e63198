package dev.custograph.analytics.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.custograph.analytics.CustomerFeatures;
import org.junit.jupiter.api.Test;

/**
 * A segment is named from its members' medians, not from its centroid. Twenty customers on recency alone: segment A
 * holds seven who bought 5 days ago and five lapsed 600 days; segment B eight at 100 days, the base's median.
 * On log-scaled z-scores A's centroid is -0.2 sd ("average") and B's +0.3 sd ("lapsed"); by medians A is recent (its
 * median, 5 days, is below 82.5% of customers) and B is the base's median: average.
 */
class SegmentationNamingTest {

    @Test
    void aSegmentIsNamedFromItsMembersMedianNotItsCentroid() {
        List<String> ids = new ArrayList<>();
        double[] recency = new double[20];
        int[] assignment = new int[20];
        for (int i = 0; i < 20; i++) {
            ids.add("C" + i);
            recency[i] = i < 7 ? 5 : i < 12 ? 600 : 100;
            assignment[i] = i < 12 ? 0 : 1;
        }
        List<String> features = List.of("recency");
        CustomerFeatures.Table table = new CustomerFeatures.Table(features, ids, recency, new double[20], Map.of());
        double[] scaled = Scaling.LOG_ZSCORE.apply(recency, 1, features);
        double[] centroids = new double[2];
        int[] sizes = new int[2];
        for (int i = 0; i < 20; i++) {
            centroids[assignment[i]] += scaled[i];
            sizes[assignment[i]]++;
        }
        centroids[0] /= sizes[0];
        centroids[1] /= sizes[1];
        KMeans.Result clusters = new KMeans.Result(2, 1, centroids, assignment, 0, 1, true);

        List<SegmentationReport.Segment> segments = Segmentation.describe(table, scaled, clusters, "run-0000-test");

        assertThat(segments).extracting(SegmentationReport.Segment::size).containsExactly(12L, 8L);
        assertThat(segments.get(0).name()).isEqualTo("recent");
        assertThat(segments.get(1).name()).isEqualTo("average customers");
    }
}
