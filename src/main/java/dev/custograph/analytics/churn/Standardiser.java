package dev.custograph.analytics.churn;

import dev.custograph.analytics.AnalyticsFailedException;
import dev.custograph.analytics.CustomerFeatures;

/**
 * z-scores with the training customers' mean and population standard deviation, applied unchanged to any other
 * customers (the hold-out, today's customers), so a coefficient reads "per standard deviation of the training
 * base". A constant feature is refused by name.
 */
record Standardiser(double[] mean, double[] sd) {

    static Standardiser of(CustomerFeatures.Table table) {
        int n = table.size();
        int d = table.dimensions();
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += table.value(i, j);
            }
            mean[j] = sum / n;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double diff = table.value(i, j) - mean[j];
                squares += diff * diff;
            }
            sd[j] = Math.sqrt(squares / n);
            if (!(sd[j] > 1e-12 * Math.max(1, Math.abs(mean[j])))) {
                throw new AnalyticsFailedException("feature '" + table.names().get(j) + "' is constant (every "
                        + "customer active by the cutoff has " + table.value(0, j) + "): it cannot predict churn; "
                        + "leave it out of --features");
            }
        }
        return new Standardiser(mean, sd);
    }

    double[] apply(double[] values) {
        int d = mean.length;
        double[] scaled = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            scaled[i] = (values[i] - mean[i % d]) / sd[i % d];
        }
        return scaled;
    }

    double[] invert(double[] scaled) {
        int d = mean.length;
        double[] values = new double[scaled.length];
        for (int i = 0; i < scaled.length; i++) {
            values[i] = scaled[i] * sd[i % d] + mean[i % d];
        }
        return values;
    }
}
