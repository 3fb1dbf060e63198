package dev.custograph.analytics.segment;

import java.util.SplittableRandom;

/**
 * The mean silhouette (Rousseeuw 1987) of a clustering, on a random sample of points as scikit-learn's
 * {@code silhouette_score(sample_size=...)} does: for a sampled point, a = its mean distance to the other sampled
 * points of its cluster, b = the lowest mean distance to the sampled points of another cluster, s = (b - a) /
 * max(a, b), and 0 for a point alone in its cluster. Distances are Euclidean. Near 1: tight, well-separated clusters;
 * near 0: overlapping ones.
 */
final class Silhouette {

    private Silhouette() {
    }

    static double score(double[] x, int d, int[] assignment, int k, int sampleSize, long seed) {
        int n = assignment.length;
        int[] sample = sample(n, Math.min(n, sampleSize), seed);
        int m = sample.length;
        double total = 0;
        for (int s = 0; s < m; s++) {
            double[] distanceSum = new double[k];
            int[] count = new int[k];
            int own = assignment[sample[s]];
            for (int t = 0; t < m; t++) {
                if (t == s) {
                    continue;
                }
                int cluster = assignment[sample[t]];
                distanceSum[cluster] += Math.sqrt(KMeans.distance(x, sample[s] * d, x, sample[t] * d, d));
                count[cluster]++;
            }
            if (count[own] == 0) {
                continue;
            }
            double a = distanceSum[own] / count[own];
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && count[c] > 0) {
                    b = Math.min(b, distanceSum[c] / count[c]);
                }
            }
            if (Double.isFinite(b) && Math.max(a, b) > 0) {
                total += (b - a) / Math.max(a, b);
            }
        }
        return total / m;
    }

    /** {@code size} distinct indices out of n (a partial Fisher-Yates shuffle). */
    private static int[] sample(int n, int size, long seed) {
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(n - i);
            int swap = indices[i];
            indices[i] = indices[j];
            indices[j] = swap;
        }
        return java.util.Arrays.copyOf(indices, size);
    }
}
