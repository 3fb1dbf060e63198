package dev.custograph.analytics;

import java.util.function.IntFunction;

/**
 * z-scores per feature: (x - mean) / standard deviation, the population one (divided by n), as scikit-learn's
 * StandardScaler. Fitted on one set of customers and applied unchanged to any other (a churn model's training base
 * to its hold-out and to today's customers), so a coefficient reads "per standard deviation of the fitted base".
 *
 * <p>A constant feature cannot be scaled (its deviation is 0) and separates nothing: the caller says how to refuse it,
 * in its own words.
 */
public record ZScores(double[] mean, double[] sd) {

    /**
     * Fits the mean and deviation of each of the {@code d} columns of {@code values} (row-major); a constant column
     * {@code j} is refused with the exception {@code refuseConstant.apply(j)}.
     */
    public static ZScores fit(double[] values, int d, IntFunction<RuntimeException> refuseConstant) {
        int n = values.length / d;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[i * d + j];
            }
            mean[j] = sum / n;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double diff = values[i * d + j] - mean[j];
                squares += diff * diff;
            }
            sd[j] = Math.sqrt(squares / n);
            // Relative to the mean's size, so rounding noise on a constant large value still counts as constant.
            if (!(sd[j] > 1e-12 * Math.max(1, Math.abs(mean[j])))) {
                throw refuseConstant.apply(j);
            }
        }
        return new ZScores(mean, sd);
    }

    /** The scaled copy of {@code values} (row-major, as many columns as were fitted). */
    public double[] apply(double[] values) {
        int d = mean.length;
        double[] scaled = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            scaled[i] = (values[i] - mean[i % d]) / sd[i % d];
        }
        return scaled;
    }

    /** The values that {@link #apply} maps to {@code scaled}. */
    public double[] invert(double[] scaled) {
        int d = mean.length;
        double[] values = new double[scaled.length];
        for (int i = 0; i < scaled.length; i++) {
            values[i] = scaled[i] * sd[i % d] + mean[i % d];
        }
        return values;
    }
}
