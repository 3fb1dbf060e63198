package dev.custograph.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Reasons are put into words without String.format, and read exactly as String.format would write them. */
class BlendTextTest {

    @Test
    void numbersAreWrittenAsStringFormatWritesThem() {
        Locale before = Locale.getDefault(Locale.Category.FORMAT);
        Locale.setDefault(Locale.Category.FORMAT, Locale.ROOT);
        try {
            double[] edges = {0, 0.5, 1.5, 2.5, 0.15, 0.25, 0.35, 2.675, 99.5, 100, 1e-9, 12345.65, 0.05, 0.95,
                    4.45, 9.95, 33.33333333333333, 66.66666666666667, 42.5, 7.25};
            for (double v : edges) {
                assertThat(Blend.fixed(v, 0)).as("%s, 0 decimals", v).isEqualTo(String.format("%.0f", v));
                assertThat(Blend.fixed(v, 1)).as("%s, 1 decimal", v).isEqualTo(String.format("%.1f", v));
            }
            Random random = new Random(19);
            for (int i = 0; i < 200_000; i++) {
                // Shares and confidences (0-100 %) and lifts, including values on the halfway line.
                double v = i % 3 == 0 ? 100 * random.nextDouble() : i % 3 == 1 ? random.nextInt(2000) / 20.0
                        : 100 * (random.nextInt(1000) / 1000.0);
                assertThat(Blend.fixed(v, 0)).as("%s", v).isEqualTo(String.format("%.0f", v));
                assertThat(Blend.fixed(v, 1)).as("%s", v).isEqualTo(String.format("%.1f", v));
            }
        } finally {
            Locale.setDefault(Locale.Category.FORMAT, before);
        }
    }
}
