package dev.custograph.analytics.churn;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A random forest of classification trees (Breiman, "Random Forests", Machine Learning 45, 2001), reported beside
 * logistic regression as the seed's tree-based alternative. Each tree grows on a bootstrap sample (at most
 * {@link #SAMPLE} rows, drawn with replacement) by CART splits that minimise Gini impurity, trying sqrt(d) randomly
 * chosen features at each node; a forest's probability is the mean of its trees' leaf churn rates.
 *
 * <p>To keep training linear in the rows, each feature is cut into at most {@link #BINS} bins at its quantiles (the
 * histogram method of LightGBM and scikit-learn's HistGradientBoosting), and splits fall between bins. Tree i is
 * grown from the i-th seed of a generator seeded with {@code seed}, in parallel, so the forest does not depend on
 * the number of cores.
 */
public final class RandomForest {

    static final int TREES = 100;
    static final int SAMPLE = 50_000;
    static final int BINS = 32;
    static final int MAX_DEPTH = 10;
    static final int MIN_LEAF = 20;

    private final double[][] cuts; // per feature, ascending bin upper bounds
    private final Node[] trees;
    private final int d;

    private record Node(int feature, int bin, Node left, Node right, double rate) {
        boolean leaf() {
            return left == null;
        }
    }

    private RandomForest(double[][] cuts, Node[] trees, int d) {
        this.cuts = cuts;
        this.trees = trees;
        this.d = d;
    }

    public static RandomForest fit(double[] x, int d, int[] y, long seed) {
        int n = y.length;
        double[][] cuts = new double[d][];
        for (int j = 0; j < d; j++) {
            double[] column = new double[n];
            for (int i = 0; i < n; i++) {
                column[i] = x[i * d + j];
            }
            Arrays.sort(column);
            double[] bounds = new double[BINS - 1];
            for (int b = 1; b < BINS; b++) {
                bounds[b - 1] = column[(int) ((long) (n - 1) * b / BINS)];
            }
            cuts[j] = Arrays.stream(bounds).distinct().toArray();
        }
        byte[] binned = new byte[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                binned[i * d + j] = (byte) bin(cuts[j], x[i * d + j]);
            }
        }
        SplittableRandom seeds = new SplittableRandom(seed);
        long[] treeSeeds = new long[TREES];
        for (int t = 0; t < TREES; t++) {
            treeSeeds[t] = seeds.nextLong();
        }
        Node[] trees = new Node[TREES];
        IntStream.range(0, TREES).parallel().forEach(t -> {
            SplittableRandom random = new SplittableRandom(treeSeeds[t]);
            int m = Math.min(n, SAMPLE);
            int[] rows = new int[m];
            for (int i = 0; i < m; i++) {
                rows[i] = random.nextInt(n);
            }
            trees[t] = grow(binned, d, y, rows, 0, m, 0, random);
        });
        return new RandomForest(cuts, trees, d);
    }

    /** The forest's churn probability for each row of raw features (row-major, d columns), rows in parallel. */
    public double[] probabilities(double[] x) {
        int n = x.length / d;
        double[] p = new double[n];
        IntStream.range(0, n).parallel().forEach(row -> {
            // Each feature is binned once per row, not once per tree node.
            int[] bins = new int[d];
            for (int j = 0; j < d; j++) {
                bins[j] = bin(cuts[j], x[row * d + j]);
            }
            double sum = 0;
            for (Node tree : trees) {
                Node node = tree;
                while (!node.leaf()) {
                    node = bins[node.feature()] <= node.bin() ? node.left() : node.right();
                }
                sum += node.rate();
            }
            p[row] = sum / trees.length;
        });
        return p;
    }

    private static int bin(double[] bounds, double value) {
        int at = Arrays.binarySearch(bounds, value);
        return at >= 0 ? at : -at - 1;
    }

    private static Node grow(byte[] binned, int d, int[] y, int[] rows, int from, int to, int depth,
                             SplittableRandom random) {
        int count = to - from;
        int positives = 0;
        for (int i = from; i < to; i++) {
            positives += y[rows[i]];
        }
        double rate = (double) positives / count;
        if (depth >= MAX_DEPTH || count < 2 * MIN_LEAF || positives == 0 || positives == count) {
            return new Node(-1, -1, null, null, rate);
        }
        int tries = Math.max(1, (int) Math.round(Math.sqrt(d)));
        int[] features = IntStream.range(0, d).toArray();
        for (int i = 0; i < tries; i++) {
            int j = i + random.nextInt(d - i);
            int swap = features[i];
            features[i] = features[j];
            features[j] = swap;
        }
        double bestImpurity = gini(positives, count) * count;
        int bestFeature = -1;
        int bestBin = -1;
        for (int f = 0; f < tries; f++) {
            int feature = features[f];
            int[] binCount = new int[BINS];
            int[] binPositives = new int[BINS];
            for (int i = from; i < to; i++) {
                int b = binned[rows[i] * d + feature];
                binCount[b]++;
                binPositives[b] += y[rows[i]];
            }
            int leftCount = 0;
            int leftPositives = 0;
            for (int b = 0; b < BINS - 1; b++) {
                leftCount += binCount[b];
                leftPositives += binPositives[b];
                int rightCount = count - leftCount;
                if (leftCount < MIN_LEAF || rightCount < MIN_LEAF) {
                    continue;
                }
                double impurity = gini(leftPositives, leftCount) * leftCount
                        + gini(positives - leftPositives, rightCount) * rightCount;
                if (impurity < bestImpurity - 1e-12) {
                    bestImpurity = impurity;
                    bestFeature = feature;
                    bestBin = b;
                }
            }
        }
        if (bestFeature < 0) {
            return new Node(-1, -1, null, null, rate);
        }
        // Partition rows[from, to) so that the left child's rows come first.
        int split = from;
        for (int i = from; i < to; i++) {
            if (binned[rows[i] * d + bestFeature] <= bestBin) {
                int swap = rows[split];
                rows[split] = rows[i];
                rows[i] = swap;
                split++;
            }
        }
        return new Node(bestFeature, bestBin, grow(binned, d, y, rows, from, split, depth + 1, random),
                grow(binned, d, y, rows, split, to, depth + 1, random), rate);
    }

    private static double gini(int positives, int count) {
        double p = (double) positives / count;
        return 2 * p * (1 - p);
    }
}
