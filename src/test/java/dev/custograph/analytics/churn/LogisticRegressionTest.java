package dev.custograph.analytics.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The regression's coefficients are the maximum-likelihood (or ridge) solution: the gradient vanishes there, and an
 * independent Newton solve written here (plain Gaussian elimination) lands on the same numbers. Separable classes
 * are reported as such instead of diverging.
 */
class LogisticRegressionTest {

    private static final int N = 20_000;
    private static final int D = 3;

    /** Standardised-looking features and labels drawn from known coefficients. */
    private static double[] x;
    private static int[] y;

    static {
        Random random = new Random(11);
        x = new double[N * D];
        y = new int[N];
        double[] truth = {-0.7, 1.2, -0.8, 0.3};
        for (int i = 0; i < N; i++) {
            double z = truth[0];
            for (int j = 0; j < D; j++) {
                x[i * D + j] = random.nextGaussian();
                z += truth[j + 1] * x[i * D + j];
            }
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        }
    }

    @Test
    void unpenalisedCoefficientsAreTheMaximumLikelihoodSolution() {
        LogisticRegression.Fit fit = LogisticRegression.fit(x, D, y, 0);
        assertThat(fit.converged()).isTrue();
        assertThat(fit.separable()).isFalse();
        for (double g : LogisticRegression.gradient(x, D, y, fit, 0)) {
            assertThat(g).isCloseTo(0, within(1e-6));
        }
        double[] reference = newton(0);
        assertThat(fit.intercept()).isCloseTo(reference[0], within(1e-8));
        for (int j = 0; j < D; j++) {
            assertThat(fit.weights()[j]).isCloseTo(reference[j + 1], within(1e-8));
        }
        // And near the coefficients the labels were drawn from (20,000 draws: within a few standard errors).
        assertThat(fit.weights()[0]).isCloseTo(1.2, within(0.1));
        assertThat(fit.weights()[1]).isCloseTo(-0.8, within(0.1));
    }

    @Test
    void ridgeCoefficientsSolveThePenalisedEquations() {
        double lambda = 500;
        LogisticRegression.Fit fit = LogisticRegression.fit(x, D, y, lambda);
        for (double g : LogisticRegression.gradient(x, D, y, fit, lambda)) {
            assertThat(g).isCloseTo(0, within(1e-6));
        }
        double[] reference = newton(lambda);
        for (int j = 0; j < D; j++) {
            assertThat(fit.weights()[j]).isCloseTo(reference[j + 1], within(1e-8));
        }
        // The penalty shrinks every weight towards 0.
        LogisticRegression.Fit unpenalised = LogisticRegression.fit(x, D, y, 0);
        for (int j = 0; j < D; j++) {
            assertThat(Math.abs(fit.weights()[j])).isLessThan(Math.abs(unpenalised.weights()[j]));
        }
    }

    @Test
    void separableClassesAreReportedNotDivergent() {
        // Everyone with a positive first feature churned, everyone else stayed.
        int[] separable = new int[N];
        for (int i = 0; i < N; i++) {
            separable[i] = x[i * D] > 0 ? 1 : 0;
        }
        LogisticRegression.Fit fit = LogisticRegression.fit(x, D, separable, 0);
        assertThat(fit.separable()).isTrue();
        for (double w : fit.weights()) {
            assertThat(w).isFinite();
        }
        // With a ridge penalty the same data have a finite optimum.
        LogisticRegression.Fit ridge = LogisticRegression.fit(x, D, separable, 1);
        assertThat(ridge.separable()).isFalse();
        assertThat(ridge.converged()).isTrue();
    }

    /** Newton's method on the penalised log-likelihood, solved by Gaussian elimination with partial pivoting. */
    private static double[] newton(double lambda) {
        double[] beta = new double[D + 1];
        for (int iteration = 0; iteration < 50; iteration++) {
            double[][] a = new double[D + 1][D + 2];
            for (int i = 0; i < N; i++) {
                double[] row = new double[D + 1];
                row[0] = 1;
                System.arraycopy(x, i * D, row, 1, D);
                double z = 0;
                for (int j = 0; j <= D; j++) {
                    z += beta[j] * row[j];
                }
                double p = 1 / (1 + Math.exp(-z));
                for (int r = 0; r <= D; r++) {
                    for (int c = 0; c <= D; c++) {
                        a[r][c] += p * (1 - p) * row[r] * row[c];
                    }
                    a[r][D + 1] += (p - y[i]) * row[r];
                }
            }
            for (int j = 1; j <= D; j++) {
                a[j][j] += lambda;
                a[j][D + 1] += lambda * beta[j];
            }
            double[] step = solve(a);
            for (int j = 0; j <= D; j++) {
                beta[j] -= step[j];
            }
        }
        return beta;
    }

    private static double[] solve(double[][] a) {
        int n = a.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int r = col + 1; r < n; r++) {
                double factor = a[r][col] / a[col][col];
                for (int c = col; c <= n; c++) {
                    a[r][c] -= factor * a[col][c];
                }
            }
        }
        double[] solution = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = a[r][n];
            for (int c = r + 1; c < n; c++) {
                sum -= a[r][c] * solution[c];
            }
            solution[r] = sum / a[r][r];
        }
        return solution;
    }
}
