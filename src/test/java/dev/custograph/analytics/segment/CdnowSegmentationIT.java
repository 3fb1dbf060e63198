package dev.custograph.analytics.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.custograph.analytics.CdnowSample;
import dev.custograph.analytics.CdnowSampleStore;
import org.junit.jupiter.api.Test;

/**
 * Segmentation on the CDNOW sample through the graph: every customer lands in exactly one current segment, the
 * segments add up to the raw file's customers, orders and revenue, a new run replaces the old one whole, and wrong
 * requests are refused by name before anything is written.
 */
class CdnowSegmentationIT extends CdnowSampleStore {


    private static Segmentation.Parameters parameters(Integer k, List<String> features, Scaling scale, boolean write) {
        return new Segmentation.Parameters(null, k, features, scale, 5, 42, write);
    }

    @Test
    void segmentsCoverEveryCustomerAndAddUpToTheRawFile() {
        SegmentationReport report = new Segmentation(db.graph()).run(parameters(4,
                List.of("recency", "frequency", "monetary"), Scaling.ZSCORE, true));

        Set<String> customers = new HashSet<>();
        BigDecimal revenue = BigDecimal.ZERO;
        Map<String, Integer> revenueCheck = new HashMap<>();
        for (CdnowSample.Purchase p : purchases) {
            customers.add(p.customer());
            revenue = revenue.add(p.dollars());
        }
        assertThat(report.customers()).isEqualTo(customers.size()).isEqualTo(2357);
        assertThat(report.k()).isEqualTo(4);
        assertThat(report.segments()).hasSize(4);
        assertThat(report.sizes().stream().mapToLong(Long::longValue).sum()).isEqualTo(2357);
        assertThat(report.sizes()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        // Sizes times centroids give back the totals: every order (one per raw row) and every dollar.
        double orders = report.segments().stream().mapToDouble(s -> s.size() * s.centroid().get("frequency")).sum();
        assertThat(orders).isCloseTo(purchases.size(), within(0.5));
        double dollars = report.segments().stream().mapToDouble(s -> s.size() * s.centroid().get("monetary")).sum();
        assertThat(dollars).isCloseTo(revenue.doubleValue(), within(1.0));
        assertThat(report.segments().stream().mapToDouble(SegmentationReport.Segment::revenueShare).sum())
                .isCloseTo(1, within(1e-5));
        assertThat(report.segments()).allSatisfy(s -> {
            assertThat(s.name()).isNotBlank();
            assertThat(s.action()).isNotBlank();
        });

        Map<String, Object> graph = membership();
        assertThat(graph).containsEntry("segments", 4L).containsEntry("current", 4L)
                .containsEntry("memberships", 2357L).containsEntry("inSeveral", 0L);
        assertThat(db.graph().readRows("browser/segments", Map.of())).hasSize(4);

        // A second run replaces the first whole.
        new Segmentation(db.graph()).run(parameters(3, List.of("recency", "frequency"), Scaling.LOG_ZSCORE, true));
        assertThat(membership()).containsEntry("segments", 3L).containsEntry("current", 3L)
                .containsEntry("memberships", 2357L).containsEntry("inSeveral", 0L);
    }

    @Test
    void theSameSeedGivesTheSameSegmentsAndAutoReportsTheElbow() {
        SegmentationReport first = new Segmentation(db.graph()).run(parameters(null,
                List.of("recency", "frequency", "monetary"), Scaling.LOG_ZSCORE, false));
        SegmentationReport second = new Segmentation(db.graph()).run(parameters(null,
                List.of("recency", "frequency", "monetary"), Scaling.LOG_ZSCORE, false));
        assertThat(first.kChosenBy()).isEqualTo("silhouette");
        // k = 3..8: a two-way split is rarely actionable, so auto does not offer one.
        assertThat(first.elbow()).extracting(SegmentationReport.KCandidate::k).containsExactly(3, 4, 5, 6, 7, 8);
        assertThat(first.k()).isBetween(3, 8);
        // The inertia falls as k grows (each k's best of 5 restarts), and the chosen k has the best silhouette.
        for (int i = 1; i < first.elbow().size(); i++) {
            assertThat(first.elbow().get(i).inertia()).isLessThan(first.elbow().get(i - 1).inertia());
        }
        double best = first.elbow().stream().mapToDouble(SegmentationReport.KCandidate::silhouette).max().orElseThrow();
        assertThat(first.elbow().stream().filter(c -> c.k() == first.k()).findFirst().orElseThrow().silhouette())
                .isEqualTo(best);
        assertThat(second.sizes()).isEqualTo(first.sizes());
        assertThat(second.inertia()).isEqualTo(first.inertia());
    }

    @Test
    void propertyFeaturesAreReadFromTheGraphAndMissingValuesImputed() {
        long rated = db.graph().writeReturningLong("test/rate-even-customers", Map.of());
        assertThat(rated).isEqualTo(1178); // even ids among 1..2357
        SegmentationReport report = new Segmentation(db.graph()).run(parameters(3, List.of("frequency", "rating"),
                Scaling.ZSCORE, false));
        assertThat(report.imputed()).containsEntry("rating", 2357L - 1178L);
        // Imputed with the median of ids mod 5 + 1 over even ids: 3.
        double meanRating = report.segments().stream().mapToDouble(s -> s.size() * s.centroid().get("rating")).sum()
                / 2357;
        double expected = 0;
        for (int id = 1; id <= 2357; id++) {
            expected += id % 2 == 0 ? id % 5 + 1 : 3;
        }
        assertThat(meanRating).isCloseTo(expected / 2357, within(1e-3));

        assertThatThrownBy(() -> new Segmentation(db.graph()).run(parameters(3, List.of("frequency", "loyaltyTier"),
                Scaling.ZSCORE, true))).hasMessageContaining("features: 'loyaltyTier' is constant");
    }

    @Test
    void wrongRequestsAreRefusedByNameAndWriteNothing() {
        Map<String, Object> before = membership();
        assertThatThrownBy(() -> new Segmentation(db.graph()).run(parameters(3, List.of("recency", "colour"),
                Scaling.ZSCORE, true)))
                .hasMessageStartingWith("features: unknown feature 'colour'; known: recency, frequency, monetary, "
                        + "tenure, avgOrderValue");
        assertThatThrownBy(() -> new Segmentation(db.graph()).run(parameters(0, List.of("recency"), Scaling.ZSCORE,
                true))).hasMessage("k: must be at least 1, got 0");
        assertThatThrownBy(() -> new Segmentation(db.graph()).run(parameters(5000, List.of("recency"), Scaling.ZSCORE,
                true))).hasMessage("k: 5000 is more than the 2357 customers with purchases up to 1998-06-30");
        assertThatThrownBy(() -> new Segmentation(db.graph()).run(parameters(3, List.of("clv"), Scaling.ZSCORE,
                true))).hasMessageContaining("'clv' is written by an analytics run");
        assertThatThrownBy(() -> new Segmentation(db.graph()).run(new Segmentation.Parameters(
                java.time.LocalDate.of(1990, 1, 1), 3, List.of("recency"), Scaling.ZSCORE, 5, 42, true)))
                .hasMessageContaining("is before the first order (1997-01-01)");
        assertThat(membership()).isEqualTo(before);
    }

    private static Map<String, Object> membership() {
        return db.graph().readRows("test/segment-membership", Map.of()).get(0);
    }
}
