package dev.custograph.analytics;

/**
 * Gauss's hypergeometric function 2F1(a, b; c; z) for 0 <= z < 1, by its power series
 * sum over n of (a)_n (b)_n / ((c)_n n!) z^n (Abramowitz and Stegun 15.1.1). Neither Hipparchus nor Commons
 * Numbers provides it. BG/NBD needs it only with positive a, b, c and z = t / (alpha + T + t) < 1, where the
 * terms shrink at least geometrically with ratio z, so summing until a term no longer changes the sum is exact
 * to double precision in a few hundred terms for any z the model produces.
 */
final class Hypergeometric {

    private static final int MAX_TERMS = 1_000_000;

    private Hypergeometric() {
    }

    static double f21(double a, double b, double c, double z) {
        if (z < 0 || z >= 1) {
            throw new IllegalArgumentException("2F1 series needs 0 <= z < 1, got " + z);
        }
        double term = 1;
        double sum = 1;
        for (int n = 0; n < MAX_TERMS; n++) {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            double next = sum + term;
            if (next == sum) {
                return sum;
            }
            sum = next;
        }
        return Double.NaN;
    }
}
