package dev.custograph.analytics.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * K-Means finds known clusters exactly, and on real data (the 23,570 CDNOW master customers) does at least as well
 * as a plain reference written here: Lloyd from random initial centroids, best of 50 runs.
 */
class KMeansTest {

    static double[] cdnow;

    /** recency, frequency, monetary of every CDNOW master customer as of 1998-06-30, z-scored, computed here. */
    @BeforeAll
    static void cdnowFeatures() throws IOException {
        int asOf = (int) LocalDate.of(1998, 6, 30).toEpochDay();
        Map<String, double[]> byCustomer = new HashMap<>(); // last day, orders, spend
        List<String> lines = Files.readAllLines(Path.of("..", "shared", "data", "cdnow", "CDNOW_master.txt"));
        for (String line : lines.subList(1, lines.size())) {
            // customer_id date number_of_cds dollar_value
            String[] f = line.trim().split("\\s+");
            double day = LocalDate.parse(f[1], DateTimeFormatter.BASIC_ISO_DATE).toEpochDay();
            double[] c = byCustomer.computeIfAbsent(f[0], id -> new double[3]);
            c[0] = Math.max(c[0], day);
            c[1]++;
            c[2] += Double.parseDouble(f[3]);
        }
        int n = byCustomer.size();
        assertThat(n).isEqualTo(23_570);
        double[] x = new double[n * 3];
        int i = 0;
        for (double[] c : byCustomer.values()) {
            x[i * 3] = asOf - c[0];
            x[i * 3 + 1] = c[1];
            x[i * 3 + 2] = c[2];
            i++;
        }
        for (int j = 0; j < 3; j++) {
            double mean = 0;
            for (int r = 0; r < n; r++) {
                mean += x[r * 3 + j] / n;
            }
            double variance = 0;
            for (int r = 0; r < n; r++) {
                variance += Math.pow(x[r * 3 + j] - mean, 2) / n;
            }
            for (int r = 0; r < n; r++) {
                x[r * 3 + j] = (x[r * 3 + j] - mean) / Math.sqrt(variance);
            }
        }
        cdnow = x;
    }

    @Test
    void wellSeparatedClustersAreRecoveredExactly() {
        // Four tight blobs of 250 points, 100 standard deviations apart.
        Random random = new Random(1);
        double[][] centres = {{0, 0}, {100, 0}, {0, 100}, {100, 100}};
        double[] x = new double[1000 * 2];
        int[] truth = new int[1000];
        for (int i = 0; i < 1000; i++) {
            truth[i] = i % 4;
            x[i * 2] = centres[truth[i]][0] + random.nextGaussian();
            x[i * 2 + 1] = centres[truth[i]][1] + random.nextGaussian();
        }
        KMeans.Result result = KMeans.fit(x, 2, 4, 3, 7, 300);
        assertThat(result.converged()).isTrue();
        // The same partition, whatever the cluster numbers: points share a cluster exactly when they share a blob.
        Map<Integer, Integer> clusterOfBlob = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            clusterOfBlob.putIfAbsent(truth[i], result.assignment()[i]);
            assertThat(result.assignment()[i]).isEqualTo(clusterOfBlob.get(truth[i]));
        }
        assertThat(new HashSet<>(clusterOfBlob.values())).hasSize(4);
    }

    @Test
    void onCdnowTheInertiaIsNoWorseThanTheBestOfFiftyPlainLloydRuns() {
        KMeans.Result ours = KMeans.fit(cdnow, 3, 5, 10, 42, 300);
        double reference = Double.POSITIVE_INFINITY;
        Random random = new Random(2024);
        for (int run = 0; run < 50; run++) {
            reference = Math.min(reference, plainLloyd(cdnow, 3, 5, random));
        }
        assertThat(ours.inertia()).isLessThanOrEqualTo(reference * (1 + 1e-9));
        assertThat(ours.inertia()).isCloseTo(inertia(cdnow, 3, ours.centroids()),
                org.assertj.core.data.Percentage.withPercentage(1e-9));
    }

    @Test
    void moreRestartsNeverIncreaseTheInertiaAndTheSameSeedGivesTheSameSegments() {
        double previous = Double.POSITIVE_INFINITY;
        for (int restarts : List.of(1, 2, 5, 10)) {
            double inertia = KMeans.fit(cdnow, 3, 5, restarts, 42, 300).inertia();
            assertThat(inertia).isLessThanOrEqualTo(previous);
            previous = inertia;
        }
        assertThat(KMeans.fit(cdnow, 3, 5, 3, 9, 300).assignment())
                .isEqualTo(KMeans.fit(cdnow, 3, 5, 3, 9, 300).assignment());
    }

    @Test
    void hamerlysBoundsChangeTheCostNeverTheResult() {
        // Same seeds, with and without the bounds: every iteration, every point, every centroid the same. k = 8 on
        // 23,570 customers also empties and refills clusters along the way in some restarts.
        for (int k : List.of(2, 5, 8)) {
            for (long seed = 1; seed <= 5; seed++) {
                KMeans.Result bounded = KMeans.once(cdnow, cdnow.length / 3, 3, k, new SplittableRandom(seed), 300, true);
                KMeans.Result lloyd = KMeans.once(cdnow, cdnow.length / 3, 3, k, new SplittableRandom(seed), 300, false);
                assertThat(bounded.assignment()).as("k %d, seed %d", k, seed).isEqualTo(lloyd.assignment());
                assertThat(bounded.iterations()).isEqualTo(lloyd.iterations());
                assertThat(bounded.centroids()).isEqualTo(lloyd.centroids());
                assertThat(bounded.inertia()).isEqualTo(lloyd.inertia());
            }
        }
    }

    @Test
    void kOutsideOneToTheNumberOfPointsIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KMeans.fit(new double[] {1, 2, 3}, 1, 4, 1, 1, 10))
                .hasMessageContaining("k must be between 1 and the number of points (3), got 4");
    }

    /** Lloyd from k distinct random points, until no point moves; returns the inertia. */
    private static double plainLloyd(double[] x, int d, int k, Random random) {
        int n = x.length / d;
        double[] centroids = new double[k * d];
        Set<Integer> chosen = new HashSet<>();
        while (chosen.size() < k) {
            chosen.add(random.nextInt(n));
        }
        int c0 = 0;
        for (int i : chosen) {
            System.arraycopy(x, i * d, centroids, c0++ * d, d);
        }
        int[] assignment = new int[n];
        java.util.Arrays.fill(assignment, -1);
        for (int iteration = 0; iteration < 300; iteration++) {
            boolean moved = false;
            for (int i = 0; i < n; i++) {
                int best = nearest(x, i, d, centroids, k);
                moved |= best != assignment[i];
                assignment[i] = best;
            }
            if (!moved) {
                break;
            }
            double[] sums = new double[k * d];
            int[] counts = new int[k];
            for (int i = 0; i < n; i++) {
                counts[assignment[i]]++;
                for (int j = 0; j < d; j++) {
                    sums[assignment[i] * d + j] += x[i * d + j];
                }
            }
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    if (counts[c] > 0) {
                        centroids[c * d + j] = sums[c * d + j] / counts[c];
                    }
                }
            }
        }
        return inertia(x, d, centroids);
    }

    private static double inertia(double[] x, int d, double[] centroids) {
        int k = centroids.length / d;
        double total = 0;
        for (int i = 0; i < x.length / d; i++) {
            int c = nearest(x, i, d, centroids, k);
            for (int j = 0; j < d; j++) {
                total += Math.pow(x[i * d + j] - centroids[c * d + j], 2);
            }
        }
        return total;
    }

    private static int nearest(double[] x, int i, int d, double[] centroids, int k) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double distance = 0;
            for (int j = 0; j < d; j++) {
                distance += Math.pow(x[i * d + j] - centroids[c * d + j], 2);
            }
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }
}
