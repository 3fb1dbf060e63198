package dev.custograph.analytics.churn;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * Binary logistic regression, P(y = 1 | x) = 1 / (1 + exp(-(b0 + w . x))), fitted by Newton's method (iteratively
 * reweighted least squares) on features already standardised. It minimises
 * <pre>
 *   L(b0, w) = - sum_i [ y_i log p_i + (1 - y_i) log(1 - p_i) ]  +  lambda / 2 * |w|^2
 * </pre>
 * (lambda = 0 without penalty; the intercept is never penalised; scikit-learn's C is 1 / lambda). Each step solves
 * H d = g with g = X'(p - y) + lambda w and H = X' diag(p (1 - p)) X + lambda I by Cholesky, halving the step while
 * the loss does not decrease; it stops when the largest gradient component is below 1e-11 per customer or a step
 * moves no coefficient by more than 1e-12.
 *
 * <p>When the classes are (quasi-)separable, the unpenalised maximum likelihood lies at infinity: the coefficients
 * grow without bound. A fit whose standardised coefficients pass {@link #SEPARATION_LIMIT} is stopped and reported as
 * separable with a warning, never returned as infinite numbers.
 */
public final class LogisticRegression {

    /** Coefficients (standardised scale), loss, iterations, and whether Newton converged or hit separation. */
    public record Fit(double intercept, double[] weights, double loss, int iterations, boolean converged,
                      boolean separable) {

        public double probability(double[] x, int offset) {
            double z = intercept;
            for (int j = 0; j < weights.length; j++) {
                z += weights[j] * x[offset + j];
            }
            return 1 / (1 + Math.exp(-z));
        }
    }

    /** |w_j| beyond which the data are taken as separable: e^30 is the odds ratio of one standard deviation. */
    static final double SEPARATION_LIMIT = 30;
    private static final int MAX_ITERATIONS = 100;
    private static final int CHUNKS = 64;

    private LogisticRegression() {
    }

    /** {@code x}: n x d row-major standardised features; {@code y}: 0 or 1. */
    public static Fit fit(double[] x, int d, int[] y, double lambda) {
        int n = y.length;
        double[] beta = new double[d + 1]; // [b0, w1..wd]
        double loss = loss(x, d, y, beta, lambda);
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            double[][] hessian = new double[d + 1][d + 1];
            double[] gradient = new double[d + 1];
            accumulate(x, d, y, beta, gradient, hessian);
            for (int j = 1; j <= d; j++) {
                gradient[j] += lambda * beta[j];
                hessian[j][j] += lambda;
            }
            double largest = 0;
            for (double g : gradient) {
                largest = Math.max(largest, Math.abs(g));
            }
            if (largest < 1e-11 * Math.max(1, n)) {
                return new Fit(beta[0], java.util.Arrays.copyOfRange(beta, 1, d + 1), loss, iteration - 1, true, false);
            }
            RealVector step;
            try {
                step = new CholeskyDecomposition(new Array2DRowRealMatrix(hessian, false), 1e-14, 1e-14).getSolver()
                        .solve(new ArrayRealVector(gradient, false));
            } catch (org.hipparchus.exception.MathIllegalArgumentException e) {
                // A singular Hessian: probabilities at 0 or 1 everywhere, which is separation.
                return new Fit(beta[0], java.util.Arrays.copyOfRange(beta, 1, d + 1), loss, iteration, false, true);
            }
            double scale = 1;
            double[] next = new double[d + 1];
            double nextLoss;
            do {
                for (int j = 0; j <= d; j++) {
                    next[j] = beta[j] - scale * step.getEntry(j);
                }
                nextLoss = loss(x, d, y, next, lambda);
                scale /= 2;
            } while (!(nextLoss <= loss) && scale > 1e-10);
            if (!(nextLoss <= loss)) {
                return new Fit(beta[0], java.util.Arrays.copyOfRange(beta, 1, d + 1), loss, iteration, true, false);
            }
            double largestStep = 0;
            for (int j = 0; j <= d; j++) {
                largestStep = Math.max(largestStep, Math.abs(next[j] - beta[j]));
            }
            beta = next.clone();
            loss = nextLoss;
            for (int j = 1; j <= d; j++) {
                if (Math.abs(beta[j]) > SEPARATION_LIMIT) {
                    return new Fit(beta[0], java.util.Arrays.copyOfRange(beta, 1, d + 1), loss, iteration, false, true);
                }
            }
            if (largestStep < 1e-12) {
                return new Fit(beta[0], java.util.Arrays.copyOfRange(beta, 1, d + 1), loss, iteration, true, false);
            }
        }
        return new Fit(beta[0], java.util.Arrays.copyOfRange(beta, 1, d + 1), loss, MAX_ITERATIONS, false, false);
    }

    /** Gradient and Hessian of the unpenalised loss, over fixed chunks in parallel, added in chunk order. */
    private static void accumulate(double[] x, int d, int[] y, double[] beta, double[] gradient, double[][] hessian) {
        int n = y.length;
        double[][] g = new double[CHUNKS][d + 1];
        double[][][] h = new double[CHUNKS][d + 1][d + 1];
        IntStream.range(0, CHUNKS).parallel().forEach(chunk -> {
            int from = (int) ((long) n * chunk / CHUNKS);
            int to = (int) ((long) n * (chunk + 1) / CHUNKS);
            double[] row = new double[d + 1];
            row[0] = 1;
            for (int i = from; i < to; i++) {
                System.arraycopy(x, i * d, row, 1, d);
                double z = 0;
                for (int j = 0; j <= d; j++) {
                    z += beta[j] * row[j];
                }
                double p = 1 / (1 + Math.exp(-z));
                double residual = p - y[i];
                double weight = p * (1 - p);
                for (int a = 0; a <= d; a++) {
                    g[chunk][a] += residual * row[a];
                    for (int b = 0; b <= a; b++) {
                        h[chunk][a][b] += weight * row[a] * row[b];
                    }
                }
            }
        });
        for (int chunk = 0; chunk < CHUNKS; chunk++) {
            for (int a = 0; a <= d; a++) {
                gradient[a] += g[chunk][a];
                for (int b = 0; b <= a; b++) {
                    hessian[a][b] += h[chunk][a][b];
                }
            }
        }
        for (int a = 0; a <= d; a++) {
            for (int b = a + 1; b <= d; b++) {
                hessian[a][b] = hessian[b][a];
            }
        }
    }

    /** The penalised negative log-likelihood, with log(1 + e^z) computed without overflow. */
    static double loss(double[] x, int d, int[] y, double[] beta, double lambda) {
        int n = y.length;
        double[] parts = new double[CHUNKS];
        IntStream.range(0, CHUNKS).parallel().forEach(chunk -> {
            int from = (int) ((long) n * chunk / CHUNKS);
            int to = (int) ((long) n * (chunk + 1) / CHUNKS);
            double sum = 0;
            for (int i = from; i < to; i++) {
                double z = beta[0];
                for (int j = 0; j < d; j++) {
                    z += beta[j + 1] * x[i * d + j];
                }
                // -[y log p + (1 - y) log(1 - p)] = log(1 + e^z) - y z
                double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
                sum += softplus - y[i] * z;
            }
            parts[chunk] = sum;
        });
        double total = 0;
        for (double part : parts) {
            total += part;
        }
        double penalty = 0;
        for (int j = 1; j <= d; j++) {
            penalty += beta[j] * beta[j];
        }
        return total + lambda / 2 * penalty;
    }

    /** The gradient of the loss at a fit, for checking that it is a maximum-likelihood solution. */
    static double[] gradient(double[] x, int d, int[] y, Fit fit, double lambda) {
        double[] beta = new double[d + 1];
        beta[0] = fit.intercept();
        System.arraycopy(fit.weights(), 0, beta, 1, d);
        double[] gradient = new double[d + 1];
        accumulate(x, d, y, beta, gradient, new double[d + 1][d + 1]);
        for (int j = 1; j <= d; j++) {
            gradient[j] += lambda * beta[j];
        }
        return gradient;
    }

    static List<Double> list(double[] values) {
        List<Double> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        return list;
    }
}
