package dev.custograph.analytics;

import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The Gamma-Gamma model of monetary value: Fader and Hardie, "The Gamma-Gamma Model of Monetary Value", 2013 (after
 * Colombo and Jiang 1999). A customer's spend per transaction varies around their mean nu with
 * z ~ Gamma(p, nu), and nu ~ Gamma(q, gamma) across customers; spend is assumed independent of purchase frequency.
 * For a customer with x repeat transactions of average value m (the first purchase excluded):
 * <pre>
 *   f(m | x) = Gamma(p x + q) / (Gamma(p x) Gamma(q)) * gamma^q m^(p x - 1) x^(p x) / (gamma + m x)^(p x + q)
 *   E[M | m, x] = p (gamma + m x) / (p x + q - 1)
 * </pre>
 * {@code v} is the note's gamma (named so to keep it apart from the function).
 */
public record GammaGamma(double p, double q, double v) implements java.io.Serializable {

    /** Log-likelihood of one customer's average repeat spend {@code m} over {@code x} repeat transactions. */
    public double logLikelihood(double x, double m) {
        double px = p * x;
        return LogGamma.value(px + q) - LogGamma.value(px) - LogGamma.value(q) + q * Math.log(v)
                + (px - 1) * Math.log(m) + px * Math.log(x) - (px + q) * Math.log(v + m * x);
    }

    /**
     * Expected average spend per transaction; with no repeat transaction it is the population mean
     * p v / (q - 1) (defined for q > 1).
     */
    public double expectedAverageSpend(double x, double m) {
        return p * (v + m * x) / (p * x + q - 1);
    }
}
