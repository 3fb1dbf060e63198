package dev.custograph.analytics.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Segment names and actions read off a centroid in standard deviations from the base's mean. */
class SegmentNamesTest {

    static final List<String> RFM = List.of("recency", "frequency", "monetary");

    @Test
    void theMostDistinctiveFeaturesNameTheSegment() {
        assertThat(SegmentNames.name(RFM, new double[] {-0.2, 1.4, 0.9})).isEqualTo("high frequency, high spend");
        assertThat(SegmentNames.name(RFM, new double[] {0.8, -1.1, -0.1})).isEqualTo("low frequency, lapsed");
        assertThat(SegmentNames.name(RFM, new double[] {0.1, -0.2, 0.25})).isEqualTo("average customers");
        assertThat(SegmentNames.name(RFM, new double[] {0.4, 1.3, 0.9})).isEqualTo("high frequency, high spend, lapsed");
        assertThat(SegmentNames.name(List.of("tenure", "rating"), new double[] {-0.9, 0.6}))
                .isEqualTo("new, high rating");
    }

    @Test
    void theActionFollowsRecencyFrequencyAndSpend() {
        assertThat(SegmentNames.action(RFM, new double[] {-0.5, 1, 1})).startsWith("Reward and retain");
        assertThat(SegmentNames.action(RFM, new double[] {0, -0.5, 1})).startsWith("Raise purchase frequency");
        assertThat(SegmentNames.action(RFM, new double[] {0, 1, -0.5})).startsWith("Raise basket size");
        assertThat(SegmentNames.action(RFM, new double[] {1, -1, 0.5})).startsWith("Win back");
        assertThat(SegmentNames.action(RFM, new double[] {1, -1, -1})).startsWith("Reactivate cheaply");
        assertThat(SegmentNames.action(RFM, new double[] {0, -1, -1})).startsWith("Nurture");
    }
}
