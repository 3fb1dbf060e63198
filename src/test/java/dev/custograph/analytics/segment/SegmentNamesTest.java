package dev.custograph.analytics.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Segment names and actions read off the segment's position on each feature: where its members' median falls among
 * all customers, from -0.5 (the bottom) through 0 (the base's median) to +0.5 (the top).
 */
class SegmentNamesTest {

    static final List<String> RFM = List.of("recency", "frequency", "monetary");

    @Test
    void aPositionIsTheShareOfCustomersBelowTheMedianTiesCountedHalf() {
        double[] base = {1, 1, 1, 1, 1, 1, 2, 3, 5, 40};
        // Six of ten bought once: a segment whose median is one order sits at 3/10 - 0.5.
        assertThat(SegmentNames.position(base, 1)).isCloseTo(-0.2, within(1e-12));
        assertThat(SegmentNames.position(base, 5)).isCloseTo(8.5 / 10 - 0.5, within(1e-12));
        assertThat(SegmentNames.position(base, 4)).isCloseTo(8.0 / 10 - 0.5, within(1e-12));
        assertThat(SegmentNames.position(base, 100)).isCloseTo(0.5, within(1e-12));
        assertThat(SegmentNames.position(base, 0)).isCloseTo(-0.5, within(1e-12));
    }

    @Test
    void theMostDistinctiveFeaturesNameTheSegment() {
        assertThat(SegmentNames.name(RFM, new double[] {-0.05, 0.4, 0.3})).isEqualTo("high frequency, high spend");
        assertThat(SegmentNames.name(RFM, new double[] {0.3, -0.35, -0.1})).isEqualTo("low frequency, lapsed");
        assertThat(SegmentNames.name(RFM, new double[] {0.1, -0.14, 0.12})).isEqualTo("average customers");
        assertThat(SegmentNames.name(RFM, new double[] {0.2, 0.45, 0.3})).isEqualTo("high frequency, high spend, lapsed");
        assertThat(SegmentNames.name(List.of("tenure", "rating"), new double[] {-0.3, 0.2}))
                .isEqualTo("new, high rating");
    }

    @Test
    void theActionFollowsRecencyFrequencyAndSpend() {
        assertThat(SegmentNames.action(RFM, new double[] {-0.3, 0.3, 0.3})).startsWith("Reward and retain");
        assertThat(SegmentNames.action(RFM, new double[] {0, -0.3, 0.3})).startsWith("Raise purchase frequency");
        assertThat(SegmentNames.action(RFM, new double[] {0, 0.3, -0.3})).startsWith("Raise basket size");
        assertThat(SegmentNames.action(RFM, new double[] {0.3, -0.3, 0.1})).startsWith("Win back");
        assertThat(SegmentNames.action(RFM, new double[] {0.3, -0.3, -0.3})).startsWith("Reactivate cheaply");
        assertThat(SegmentNames.action(RFM, new double[] {0, -0.3, -0.3})).startsWith("Nurture");
    }
}
