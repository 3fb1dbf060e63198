package dev.custograph.analytics.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.custograph.analytics.ValueAnalysis;
import dev.custograph.graph.GraphConnection;
import dev.custograph.ingest.DemoDataGenerator;
import dev.custograph.ingest.BulkImport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A segment's name describes most of its members: on the demo data, a segment called "lapsed" has members whose
 * median recency is longer than the base's, one called "recent" shorter, and likewise for frequency and spend. The
 * issue found the demo's "recent" segment (k = 2, named from its centroid) holding customers lapsed 526 days.
 */
class DemoSegmentNamesIT {

    @TempDir
    Path temp;

    @Test
    void everyWordOfASegmentsNameHoldsForItsMembersMedian() throws Exception {
        Path dataDir = temp.resolve("data");
        new BulkImport(dataDir, dev.custograph.model.ValueRules.DateWindow.DEFAULT).load("demo",
                new DemoDataGenerator(DemoDataGenerator.Spec.demo()).generate(), "CustographDemo", "key", "demo");
        try (GraphConnection db = GraphConnection.open(dataDir, null, null, null)) {
            new ValueAnalysis(db.graph()).run(ValueAnalysis.Parameters.defaults(), null);
            for (Integer k : new Integer[] {2, null}) {
                Segmentation.Parameters d = Segmentation.Parameters.defaults();
                new Segmentation(db.graph()).run(new Segmentation.Parameters(null, k, d.features(), d.scale(),
                        d.restarts(), d.seed(), true));
                List<Map<String, Object>> segments = db.graph().readRows("test/segment-member-medians", Map.of());
                assertThat(segments).isNotEmpty();
                for (Map<String, Object> s : segments) {
                    String name = (String) s.get("name");
                    String at = "k=" + (k == null ? "auto" : k) + ", segment '" + name + "': " + s;
                    if (name.contains("lapsed")) {
                        assertThat(number(s, "recency")).as(at).isGreaterThan(number(s, "allRecency"));
                    }
                    if (name.contains("recent")) {
                        assertThat(number(s, "recency")).as(at).isLessThan(number(s, "allRecency"));
                    }
                    if (name.contains("high frequency")) {
                        assertThat(number(s, "frequency")).as(at).isGreaterThan(number(s, "allFrequency"));
                    }
                    if (name.contains("low frequency")) {
                        assertThat(number(s, "frequency")).as(at).isLessThanOrEqualTo(number(s, "allFrequency"));
                    }
                    if (name.contains("high spend")) {
                        assertThat(number(s, "monetary")).as(at).isGreaterThan(number(s, "allMonetary"));
                    }
                    if (name.contains("low spend")) {
                        assertThat(number(s, "monetary")).as(at).isLessThan(number(s, "allMonetary"));
                    }
                }
            }
        }
    }

    private static double number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).doubleValue();
    }
}
