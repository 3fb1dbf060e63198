package dev.custograph.analytics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The BG/NBD and Gamma-Gamma log-likelihoods summed over many customers, computed the way an optimiser calls them
 * hundreds of times: customers with the same summary are counted once with a weight, and every term that depends
 * only on x (the log-gamma ratios) is computed once per distinct x per evaluation instead of once per customer.
 * The result equals the sum of {@link BgNbd#logLikelihood} / {@link GammaGamma#logLikelihood} over the customers
 * (a test checks it).
 */
final class FastLikelihoods {

    private FastLikelihoods() {
    }

    /**
     * BG/NBD over (x, t_x, T) triples. Besides grouping equal triples, the logs log(alpha + T) and
     * log(alpha + t_x) are taken once per distinct T and t_x per evaluation (a year of daily data has a few hundred
     * of each, against hundreds of thousands of triples), so a triple costs one exp and one log1p.
     */
    static final class BgNbdSum {
        private record Triple(double x, double tx, double t) {
        }

        private final double[] distinctX;
        private final double[] distinctTx;
        private final double[] distinctT;
        private final int[] xIndex;
        private final int[] txIndex;
        private final int[] tIndex;
        private final double[] weight;

        /** Over one triple per customer: equal triples are grouped here. */
        static BgNbdSum ofCustomers(double[] x, double[] tx, double[] t) {
            Map<Triple, Integer> tuples = new HashMap<>();
            double[] w = new double[x.length];
            Triple[] unique = new Triple[x.length];
            int n = 0;
            for (int i = 0; i < x.length; i++) {
                Triple key = new Triple(x[i], tx[i], t[i]);
                Integer at = tuples.putIfAbsent(key, n);
                if (at == null) {
                    unique[n] = key;
                    w[n] = 1;
                    n++;
                } else {
                    w[at]++;
                }
            }
            double[] ux = new double[n];
            double[] utx = new double[n];
            double[] ut = new double[n];
            for (int i = 0; i < n; i++) {
                ux[i] = unique[i].x();
                utx[i] = unique[i].tx();
                ut[i] = unique[i].t();
            }
            return new BgNbdSum(ux, utx, ut, Arrays.copyOf(w, n));
        }

        /**
         * Over distinct triples, each standing for {@code weight} customers: what an engine that counted the
         * customers per triple elsewhere (the Spark job, on the cluster) hands over.
         */
        BgNbdSum(double[] x, double[] tx, double[] t, double[] weight) {
            int n = x.length;
            this.distinctX = Arrays.stream(x).distinct().sorted().toArray();
            this.distinctTx = Arrays.stream(tx).distinct().sorted().toArray();
            this.distinctT = Arrays.stream(t).distinct().sorted().toArray();
            this.xIndex = new int[n];
            this.txIndex = new int[n];
            this.tIndex = new int[n];
            for (int i = 0; i < n; i++) {
                xIndex[i] = Arrays.binarySearch(distinctX, x[i]);
                txIndex[i] = Arrays.binarySearch(distinctTx, tx[i]);
                tIndex[i] = Arrays.binarySearch(distinctT, t[i]);
            }
            this.weight = weight.clone();
        }

        double value(BgNbd m) {
            double r = m.r();
            double alpha = m.alpha();
            double a = m.a();
            double b = m.b();
            double[] common = new double[distinctX.length];
            double[] dead = new double[distinctX.length];
            double base = -LogGamma.value(r) + r * Math.log(alpha) + LogGamma.value(a + b) - LogGamma.value(b);
            for (int k = 0; k < distinctX.length; k++) {
                double x = distinctX[k];
                common[k] = base + LogGamma.value(r + x) + LogGamma.value(b + x) - LogGamma.value(a + b + x);
                dead[k] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : Double.NEGATIVE_INFINITY;
            }
            double[] logAlphaTx = logsOfAlphaPlus(alpha, distinctTx);
            double[] logAlphaT = logsOfAlphaPlus(alpha, distinctT);
            double total = 0;
            for (int i = 0; i < weight.length; i++) {
                int k = xIndex[i];
                double rx = r + distinctX[k];
                double alive = -rx * logAlphaT[tIndex[i]];
                double value;
                if (dead[k] == Double.NEGATIVE_INFINITY) {
                    value = alive;
                } else {
                    // log(e^alive + e^d), by the larger term plus log1p of the smaller's ratio.
                    double d = dead[k] - rx * logAlphaTx[txIndex[i]];
                    value = Math.max(alive, d) + Math.log1p(Math.exp(-Math.abs(alive - d)));
                }
                total += weight[i] * (common[k] + value);
            }
            return total;
        }

        private static double[] logsOfAlphaPlus(double alpha, double[] values) {
            double[] logs = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                logs[i] = Math.log(alpha + values[i]);
            }
            return logs;
        }
    }

    /** Gamma-Gamma over (x, m) pairs, x > 0 and m > 0, each standing for {@code weight} customers. */
    static final class GammaGammaSum {
        private final double[] distinctX;
        private final int[] xIndex;
        private final double[] m;
        private final double[] logM;
        private final double[] weight;

        GammaGammaSum(double[] x, double[] m) {
            this(x, m, ones(x.length));
        }

        GammaGammaSum(double[] x, double[] m, double[] weight) {
            this.weight = weight.clone();
            this.distinctX = Arrays.stream(x).distinct().sorted().toArray();
            this.xIndex = new int[x.length];
            this.m = m.clone();
            this.logM = new double[m.length];
            for (int i = 0; i < x.length; i++) {
                xIndex[i] = Arrays.binarySearch(distinctX, x[i]);
                logM[i] = Math.log(m[i]);
            }
        }

        double value(GammaGamma model) {
            double p = model.p();
            double q = model.q();
            double v = model.v();
            double[] common = new double[distinctX.length];
            double base = -LogGamma.value(q) + q * Math.log(v);
            for (int k = 0; k < distinctX.length; k++) {
                double px = p * distinctX[k];
                common[k] = base + LogGamma.value(px + q) - LogGamma.value(px) + px * Math.log(distinctX[k]);
            }
            double total = 0;
            for (int i = 0; i < m.length; i++) {
                int k = xIndex[i];
                double x = distinctX[k];
                double px = p * x;
                total += weight[i] * (common[k] + (px - 1) * logM[i] - (px + q) * Math.log(v + m[i] * x));
            }
            return total;
        }
    }

    private static double[] ones(int n) {
        double[] ones = new double[n];
        Arrays.fill(ones, 1);
        return ones;
    }
}
