package dev.custograph.analytics.segment;

import java.util.List;

import dev.custograph.analytics.ZScores;
import dev.custograph.model.InvalidParameterException;

/**
 * How features are put on one scale before K-Means, whose distances would otherwise be ruled by the feature with the
 * largest numbers (spend in currency units against frequency in orders).
 * <ul>
 *   <li>{@code ZSCORE}: (x - mean) / standard deviation, the population one (divided by n), as scikit-learn's
 *       StandardScaler;</li>
 *   <li>{@code LOG_ZSCORE}: log(1 + x) first, which tames the long right tails of spend and frequency, then z-score.
 *       Values must be above -1.</li>
 * </ul>
 * Both through {@link ZScores}; a constant feature is refused by name.
 */
public enum Scaling {
    ZSCORE, LOG_ZSCORE;

    /** The scaled copy of {@code values} (row-major, d columns named {@code names}). */
    public double[] apply(double[] values, int d, List<String> names) {
        double[] logged = values;
        if (this == LOG_ZSCORE) {
            logged = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                double v = values[i];
                if (v <= -1) {
                    throw new InvalidParameterException("scale", "log-zscore: feature '" + names.get(i % d)
                            + "' has the value " + v + ", and log(1 + x) needs x > -1; use {scale} zscore");
                }
                logged[i] = Math.log1p(v);
            }
        }
        return ZScores.fit(logged, d, j -> new InvalidParameterException("features", "'" + names.get(j)
                + "' is constant (every customer has " + values[j] + "): it cannot separate customers; leave it out"))
                .apply(logged);
    }
}
