package dev.custograph.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;

import dev.custograph.model.ValueCharts;
import org.junit.jupiter.api.Test;

/** CLV histograms: equal bins up to the 99th percentile, the long tail gathered in the last bin. */
class HistogramsTest {

    @Test
    void binsSpanTheSmallestValueToThe99thPercentileAndTheTailJoinsTheLastBin() {
        // 1..100, then one customer at 10,000: n = 101, the 99th percentile by nearest rank is the 100th value, 100.
        double[] values = IntStream.rangeClosed(1, 101).mapToDouble(i -> i <= 100 ? i : 10_000).toArray();
        ValueCharts.Histogram h = Histograms.of(values, 3);
        assertThat(h.customers()).isEqualTo(101);
        assertThat(h.cappedAt()).isEqualTo(100.0);
        assertThat(h.aboveCap()).isEqualTo(1);
        // width (100 - 1) / 3 = 33: [1, 34) holds 1..33, [34, 67) holds 34..66, [67, 10000] holds 67..100 and 10,000.
        assertThat(h.bins()).extracting(ValueCharts.Bin::customers).containsExactly(33L, 33L, 35L);
        assertThat(h.bins().get(0).from()).isEqualTo(1.0);
        assertThat(h.bins().get(1).from()).isEqualTo(34.0);
        assertThat(h.bins().get(2).to()).isEqualTo(10_000.0);
    }

    @Test
    void equalValuesMakeOneBinAndNoValuesNone() {
        assertThat(Histograms.of(new double[] {5, 5, 5}, 10).bins())
                .containsExactly(new ValueCharts.Bin(5, 5, 3));
        assertThat(Histograms.of(new double[0], 10).bins()).isEmpty();
        assertThatThrownBy(() -> Histograms.of(new double[] {1}, 0)).hasMessage("bins must be at least 1, was 0");
    }
}
