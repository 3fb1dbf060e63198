package dev.custograph.analytics.segment;

import java.util.List;

import dev.custograph.analytics.AnalyticsFailedException;

/**
 * How features are put on one scale before K-Means, whose distances would otherwise be ruled by the feature with the
 * largest numbers (spend in currency units against frequency in orders).
 * <ul>
 *   <li>{@code ZSCORE}: (x - mean) / standard deviation, the population one (divided by n), as scikit-learn's
 *       StandardScaler;</li>
 *   <li>{@code LOG_ZSCORE}: log(1 + x) first, which tames the long right tails of spend and frequency, then z-score.
 *       Values must be above -1.</li>
 * </ul>
 * A constant feature cannot be scaled (its deviation is 0) and separates nothing: it is refused by name.
 */
public enum Scaling {
    ZSCORE, LOG_ZSCORE;

    /** The scaled copy of {@code values} (row-major, d columns named {@code names}). */
    public double[] apply(double[] values, int d, List<String> names) {
        int n = values.length / d;
        double[] scaled = values.clone();
        for (int j = 0; j < d; j++) {
            if (this == LOG_ZSCORE) {
                for (int i = 0; i < n; i++) {
                    double v = scaled[i * d + j];
                    if (v <= -1) {
                        throw new AnalyticsFailedException("--scale log-zscore: feature '" + names.get(j)
                                + "' has the value " + v + ", and log(1 + x) needs x > -1; use --scale zscore");
                    }
                    scaled[i * d + j] = Math.log1p(v);
                }
            }
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += scaled[i * d + j];
            }
            mean /= n;
            double variance = 0;
            for (int i = 0; i < n; i++) {
                double diff = scaled[i * d + j] - mean;
                variance += diff * diff;
            }
            double sd = Math.sqrt(variance / n);
            if (!(sd > 1e-12 * Math.max(1, Math.abs(mean)))) {
                throw new AnalyticsFailedException("feature '" + names.get(j) + "' is constant (every customer has "
                        + values[j] + "): it cannot separate customers; leave it out of --features");
            }
            for (int i = 0; i < n; i++) {
                scaled[i * d + j] = (scaled[i * d + j] - mean) / sd;
            }
        }
        return scaled;
    }
}
