package dev.custograph.analytics;

import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The BG/NBD model of Fader, Hardie and Lee, "Counting Your Customers the Easy Way: An Alternative to the
 * Pareto/NBD Model", Marketing Science 24(2), 2005. While alive, a customer buys at Poisson rate lambda, with
 * lambda ~ Gamma(r, alpha) across customers; after each purchase the customer dies with probability p, with
 * p ~ Beta(a, b). A customer is summarised by (x, t_x, T): repeat purchases, time of the last purchase and age,
 * all measured from the first purchase in one time unit.
 *
 * <p>Likelihood of one customer (paper, eq. 6), written with logs for stability:
 * <pre>
 *   L = B(a, b + x) / B(a, b) * Gamma(r + x) alpha^r / (Gamma(r) (alpha + T)^(r + x))
 *     + [x > 0] B(a + 1, b + x - 1) / B(a, b) * Gamma(r + x) alpha^r / (Gamma(r) (alpha + t_x)^(r + x))
 * </pre>
 * P(alive | x, t_x, T) = 1 / (1 + [x > 0] a / (b + x - 1) ((alpha + T) / (alpha + t_x))^(r + x))  (paper, eq. 11),
 * and the expected number of purchases in the next t units (paper, eq. 10):
 * <pre>
 *   E[Y(t) | x, t_x, T] = (a + b + x - 1) / (a - 1)
 *       * [1 - ((alpha + T) / (alpha + T + t))^(r + x) 2F1(r + x, b + x; a + b + x - 1; t / (alpha + T + t))]
 *       / (1 + [x > 0] a / (b + x - 1) ((alpha + T) / (alpha + t_x))^(r + x))
 * </pre>
 */
public record BgNbd(double r, double alpha, double a, double b) implements java.io.Serializable {

    /** Log-likelihood of one customer. */
    public double logLikelihood(double x, double tx, double t) {
        double common = LogGamma.value(r + x) - LogGamma.value(r) + r * Math.log(alpha)
                + LogGamma.value(a + b) + LogGamma.value(b + x) - LogGamma.value(b) - LogGamma.value(a + b + x);
        double alive = -(r + x) * Math.log(alpha + t);
        if (x <= 0) {
            return common + alive;
        }
        double dead = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
        double max = Math.max(alive, dead);
        return common + max + Math.log(Math.exp(alive - max) + Math.exp(dead - max));
    }

    /** The probability that a customer with this history is still alive at T. */
    public double probabilityAlive(double x, double tx, double t) {
        if (x <= 0) {
            return 1;
        }
        return 1 / (1 + deathOdds(x, tx, t));
    }

    /** Expected purchases in the {@code horizon} time units after T: P(alive) times the expectation if alive. */
    public double expectedPurchases(double horizon, double x, double tx, double t) {
        return probabilityAlive(x, tx, t) * expectedPurchasesIfAlive(horizon, x, t);
    }

    /**
     * Expected purchases in the {@code horizon} time units after T for a customer still alive at T: eq. 10 without
     * its denominator, which is 1 / P(alive). It does not depend on t_x, so customers who share (x, T) share it,
     * which is what lets a large run compute it once per distinct (x, T) instead of once per customer.
     */
    public double expectedPurchasesIfAlive(double horizon, double x, double t) {
        if (horizon <= 0) {
            return 0;
        }
        if (a == 1) {
            // The closed form divides by a - 1; a fitted a is never exactly 1, so nudge rather than special-case.
            return new BgNbd(r, alpha, 1 + 1e-9, b).expectedPurchasesIfAlive(horizon, x, t);
        }
        double z = horizon / (alpha + t + horizon);
        double hyp = Hypergeometric.f21(r + x, b + x, a + b + x - 1, z);
        return (a + b + x - 1) / (a - 1) * (1 - Math.pow((alpha + t) / (alpha + t + horizon), r + x) * hyp);
    }

    /** a / (b + x - 1) * ((alpha + T) / (alpha + t_x))^(r + x), in logs until the end (it can be huge). */
    private double deathOdds(double x, double tx, double t) {
        return Math.exp(Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + t) - Math.log(alpha + tx)));
    }
}
