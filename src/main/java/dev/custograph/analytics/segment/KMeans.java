package dev.custograph.analytics.segment;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * K-Means (Lloyd 1982) with k-means++ seeding (Arthur and Vassilvitskii 2007, with the greedy refinement scikit-learn
 * uses: 2 + ln k candidate centres per step, keeping the one that lowers the potential most). Minimises the inertia,
 * the sum over points of the squared Euclidean distance to their centroid.
 *
 * <p>Each restart seeds and iterates until no point changes cluster, or the centroids move less than scikit-learn's
 * default tolerance (the sum of their squared shifts below 1e-4 times the mean of the features' variances), or
 * {@code maxIterations}; the restart with the lowest inertia wins. Without the tolerance, a million customers in
 * overlapping groups take hundreds of iterations in which a handful of border points swap back and forth. Restart i draws its seed as the i-th number of a generator seeded with {@code seed}, so a run
 * with more restarts repeats the runs of one with fewer and its inertia can only be lower or equal. The assignment
 * step runs in parallel over fixed chunks of points, and the chunks' sums are added in chunk order, so the result
 * does not depend on the number of cores. A cluster that empties takes the point farthest from its centroid.
 *
 * <p>The assignment step keeps Hamerly's bounds (Hamerly 2010, "Making k-means even faster"): for each point an
 * upper bound on the distance to its centroid and a lower bound on the distance to any other, moved by how far the
 * centroids moved. A point whose upper bound is below both its lower bound and half the distance from its centroid
 * to the nearest other centroid cannot change cluster, and its k distances are not computed. The bounds change the
 * cost, never the result: every iteration assigns each point to the centroid a full search would.
 *
 * <p>Points are a flat row-major array: point i's feature j is {@code x[i * d + j]}.
 */
public final class KMeans {

    /** The best restart: centroids (row-major, k x d), each point's cluster, inertia and iterations. */
    public record Result(int k, int dimensions, double[] centroids, int[] assignment, double inertia, int iterations,
                         boolean converged) {

        public double centroid(int cluster, int feature) {
            return centroids[cluster * dimensions + feature];
        }
    }

    private static final int CHUNKS = 64;
    static final double TOLERANCE = 1e-4;

    private KMeans() {
    }

    public static Result fit(double[] x, int d, int k, int restarts, long seed, int maxIterations) {
        int n = x.length / d;
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be between 1 and the number of points (" + n + "), got " + k);
        }
        SplittableRandom seeds = new SplittableRandom(seed);
        Result best = null;
        for (int restart = 0; restart < Math.max(1, restarts); restart++) {
            Result result = once(x, n, d, k, new SplittableRandom(seeds.nextLong()), maxIterations, true);
            if (best == null || result.inertia() < best.inertia()) {
                best = result;
            }
        }
        return best;
    }

    /** One restart; {@code bounded} = with Hamerly's bounds (false: plain Lloyd, the reference in tests). */
    static Result once(double[] x, int n, int d, int k, SplittableRandom random, int maxIterations, boolean bounded) {
        double[] centroids = seed(x, n, d, k, random);
        int[] assignment = new int[n];
        Arrays.fill(assignment, -1);
        double tolerance = TOLERANCE * meanVariance(x, n, d);
        Bounds bounds = bounded ? new Bounds(n) : null;
        int iterations = 0;
        boolean converged = false;
        while (iterations < maxIterations) {
            iterations++;
            Step step = bounds == null ? assign(x, n, d, k, centroids, assignment)
                    : assignWithin(x, n, d, k, centroids, assignment, bounds);
            if (step.changed() == 0) {
                converged = true;
                break;
            }
            double[] next = update(x, n, d, k, step, assignment, centroids);
            double shift = 0;
            for (int m = 0; m < next.length; m++) {
                shift += (next[m] - centroids[m]) * (next[m] - centroids[m]);
            }
            if (bounds != null) {
                bounds.centroidsMoved(centroids, next, k, d, assignment);
            }
            centroids = next;
            if (shift <= tolerance) {
                converged = true;
                break;
            }
        }
        double inertia = assign(x, n, d, k, centroids, assignment).inertia();
        return new Result(k, d, centroids, assignment, inertia, iterations, converged);
    }

    /** k-means++ with greedy candidate choice. */
    private static double[] seed(double[] x, int n, int d, int k, SplittableRandom random) {
        double[] centroids = new double[k * d];
        int first = random.nextInt(n);
        System.arraycopy(x, first * d, centroids, 0, d);
        double[] closest = new double[n];
        for (int i = 0; i < n; i++) {
            closest[i] = distance(x, i * d, centroids, 0, d);
        }
        int trials = 2 + (int) Math.log(k);
        for (int c = 1; c < k; c++) {
            double potential = sum(closest);
            int bestCandidate = -1;
            double bestPotential = Double.POSITIVE_INFINITY;
            for (int t = 0; t < trials; t++) {
                int candidate = potential > 0 ? sample(closest, potential * random.nextDouble()) : random.nextInt(n);
                double candidatePotential = 0;
                for (int i = 0; i < n; i++) {
                    candidatePotential += Math.min(closest[i], distance(x, i * d, x, candidate * d, d));
                }
                if (candidatePotential < bestPotential) {
                    bestPotential = candidatePotential;
                    bestCandidate = candidate;
                }
            }
            System.arraycopy(x, bestCandidate * d, centroids, c * d, d);
            for (int i = 0; i < n; i++) {
                closest[i] = Math.min(closest[i], distance(x, i * d, centroids, c * d, d));
            }
        }
        return centroids;
    }

    private static int sample(double[] weights, double target) {
        double cumulative = 0;
        for (int i = 0; i < weights.length; i++) {
            cumulative += weights[i];
            if (cumulative >= target && weights[i] > 0) {
                return i;
            }
        }
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        return 0;
    }

    /**
     * Per point: an upper bound on the distance to its centroid and a lower bound on the distance to every other
     * centroid (Euclidean, not squared). A point whose centroid was taken from it (an emptied cluster) has no bounds.
     */
    private static final class Bounds {
        final double[] upper;
        final double[] lower;

        Bounds(int n) {
            upper = new double[n];
            lower = new double[n];
        }

        /** Moves the bounds by how far each centroid went: the upper by its own, the lower by the farthest other. */
        void centroidsMoved(double[] before, double[] after, int k, int d, int[] assignment) {
            double[] moved = new double[k];
            int farthest = 0;
            for (int c = 0; c < k; c++) {
                moved[c] = Math.sqrt(distance(before, c * d, after, c * d, d));
                if (moved[c] > moved[farthest]) {
                    farthest = c;
                }
            }
            double secondFarthest = 0;
            for (int c = 0; c < k; c++) {
                if (c != farthest) {
                    secondFarthest = Math.max(secondFarthest, moved[c]);
                }
            }
            for (int i = 0; i < upper.length; i++) {
                int a = assignment[i];
                if (a < 0) {
                    continue;
                }
                upper[i] += moved[a];
                lower[i] -= a == farthest ? secondFarthest : moved[farthest];
            }
        }
    }

    /** Per-chunk sums of the points in each cluster, how many moved, and the inertia. */
    private record Step(double[][] sums, long[][] counts, int changed, double inertia, double[] distances) {
    }

    private static Step assign(double[] x, int n, int d, int k, double[] centroids, int[] assignment) {
        double[][] sums = new double[CHUNKS][k * d];
        long[][] counts = new long[CHUNKS][k];
        int[] changed = new int[CHUNKS];
        double[] inertia = new double[CHUNKS];
        double[] distances = new double[n];
        IntStream.range(0, CHUNKS).parallel().forEach(chunk -> {
            int from = (int) ((long) n * chunk / CHUNKS);
            int to = (int) ((long) n * (chunk + 1) / CHUNKS);
            double[] s = sums[chunk];
            long[] c = counts[chunk];
            for (int i = from; i < to; i++) {
                int best = 0;
                double bestDistance = Double.POSITIVE_INFINITY;
                for (int cluster = 0; cluster < k; cluster++) {
                    double distance = distance(x, i * d, centroids, cluster * d, d);
                    if (distance < bestDistance) {
                        bestDistance = distance;
                        best = cluster;
                    }
                }
                if (assignment[i] != best) {
                    assignment[i] = best;
                    changed[chunk]++;
                }
                distances[i] = bestDistance;
                inertia[chunk] += bestDistance;
                addPoint(x, i, d, best, s, c);
            }
        });
        return new Step(sums, counts, Arrays.stream(changed).sum(), sum(inertia), distances);
    }

    /**
     * The assignment step with Hamerly's bounds. The sums and counts are those of {@link #assign}; the inertia and
     * the distances are not known (only bounds are), and are left out (NaN, null).
     */
    private static Step assignWithin(double[] x, int n, int d, int k, double[] centroids, int[] assignment,
                                     Bounds bounds) {
        // Half the distance from each centroid to its nearest other: a point closer than that to its own centroid
        // is closer to it than to any other.
        double[] half = new double[k];
        for (int c = 0; c < k; c++) {
            double nearest = Double.POSITIVE_INFINITY;
            for (int other = 0; other < k; other++) {
                if (other != c) {
                    nearest = Math.min(nearest, distance(centroids, c * d, centroids, other * d, d));
                }
            }
            half[c] = k == 1 ? Double.POSITIVE_INFINITY : Math.sqrt(nearest) / 2;
        }
        double[][] sums = new double[CHUNKS][k * d];
        long[][] counts = new long[CHUNKS][k];
        int[] changed = new int[CHUNKS];
        double[] upper = bounds.upper;
        double[] lower = bounds.lower;
        IntStream.range(0, CHUNKS).parallel().forEach(chunk -> {
            int from = (int) ((long) n * chunk / CHUNKS);
            int to = (int) ((long) n * (chunk + 1) / CHUNKS);
            double[] s = sums[chunk];
            long[] c = counts[chunk];
            for (int i = from; i < to; i++) {
                int a = assignment[i];
                boolean search = a < 0;
                if (!search) {
                    double limit = Math.max(half[a], lower[i]);
                    if (upper[i] > limit) {
                        upper[i] = Math.sqrt(distance(x, i * d, centroids, a * d, d));
                        search = upper[i] > limit;
                    }
                }
                if (search) {
                    int best = 0;
                    double bestDistance = Double.POSITIVE_INFINITY;
                    double secondDistance = Double.POSITIVE_INFINITY;
                    for (int cluster = 0; cluster < k; cluster++) {
                        double distance = distance(x, i * d, centroids, cluster * d, d);
                        if (distance < bestDistance) {
                            secondDistance = bestDistance;
                            bestDistance = distance;
                            best = cluster;
                        } else if (distance < secondDistance) {
                            secondDistance = distance;
                        }
                    }
                    if (a != best) {
                        assignment[i] = best;
                        changed[chunk]++;
                    }
                    upper[i] = Math.sqrt(bestDistance);
                    lower[i] = Math.sqrt(secondDistance);
                }
                addPoint(x, i, d, assignment[i], s, c);
            }
        });
        return new Step(sums, counts, Arrays.stream(changed).sum(), Double.NaN, null);
    }

    private static double[] update(double[] x, int n, int d, int k, Step step, int[] assignment,
                                   double[] centroids) {
        double[] total = new double[k * d];
        long[] count = new long[k];
        for (int chunk = 0; chunk < CHUNKS; chunk++) {
            for (int m = 0; m < k * d; m++) {
                total[m] += step.sums()[chunk][m];
            }
            for (int c = 0; c < k; c++) {
                count[c] += step.counts()[chunk][c];
            }
        }
        double[] distances = null;
        for (int c = 0; c < k; c++) {
            if (count[c] == 0) {
                if (distances == null) {
                    distances = step.distances() != null ? step.distances().clone()
                            : distancesToOwnCentroid(x, n, d, centroids, assignment);
                }
                // An empty cluster restarts at the point worst served by its centroid, which it takes over.
                int farthest = 0;
                for (int i = 1; i < n; i++) {
                    if (distances[i] > distances[farthest]) {
                        farthest = i;
                    }
                }
                distances[farthest] = 0;
                System.arraycopy(x, farthest * d, total, c * d, d);
                count[c] = 1;
                assignment[farthest] = -1;
                continue;
            }
            for (int j = 0; j < d; j++) {
                total[c * d + j] /= count[c];
            }
        }
        return total;
    }

    /** Adds point i to its cluster's running sum and count (a chunk's own arrays: no other thread writes them). */
    private static void addPoint(double[] x, int i, int d, int cluster, double[] sums, long[] counts) {
        counts[cluster]++;
        for (int j = 0; j < d; j++) {
            sums[cluster * d + j] += x[i * d + j];
        }
    }

    /** Each point's squared distance to the centroid it is assigned to, for the rare step that empties a cluster. */
    private static double[] distancesToOwnCentroid(double[] x, int n, int d, double[] centroids, int[] assignment) {
        double[] distances = new double[n];
        for (int i = 0; i < n; i++) {
            distances[i] = assignment[i] < 0 ? 0 : distance(x, i * d, centroids, assignment[i] * d, d);
        }
        return distances;
    }

    private static double meanVariance(double[] x, int n, int d) {
        double total = 0;
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[i * d + j];
            }
            mean /= n;
            double variance = 0;
            for (int i = 0; i < n; i++) {
                variance += (x[i * d + j] - mean) * (x[i * d + j] - mean);
            }
            total += variance / n;
        }
        return total / d;
    }

    static double distance(double[] a, int aOffset, double[] b, int bOffset, int d) {
        double sum = 0;
        for (int j = 0; j < d; j++) {
            double diff = a[aOffset + j] - b[bOffset + j];
            sum += diff * diff;
        }
        return sum;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }
}
