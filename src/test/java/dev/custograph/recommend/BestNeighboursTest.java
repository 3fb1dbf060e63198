package dev.custograph.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BestNeighboursTest {

    @Test
    void keepsTheKBestByScoreThenIdWhateverOrderTheyComeIn() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(300);
            int k = random.nextInt(12);
            // Ids ranked in a shuffled order, and scores from a few values, so that ties are common.
            List<Integer> ranks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ranks.add(i);
            }
            java.util.Collections.shuffle(ranks, random);
            int[] idRank = ranks.stream().mapToInt(Integer::intValue).toArray();
            double[] score = new double[n];
            BestNeighbours best = new BestNeighbours(k, idRank);
            for (int c = 0; c < n; c++) {
                score[c] = random.nextInt(5) / 4.0;
                best.offer(score[c], c, c % 7);
            }
            List<Integer> expected = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                expected.add(c);
            }
            expected.sort(Comparator.<Integer>comparingDouble(c -> -score[c]).thenComparingInt(c -> idRank[c]));
            expected = expected.subList(0, Math.min(k, n));

            PurchaseMatrix.Neighbours kept = best.drain();
            assertThat(kept.customers()).as("round %d", round)
                    .containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
            for (int i = 0; i < kept.customers().length; i++) {
                assertThat(kept.scores()[i]).isEqualTo(score[kept.customers()[i]]);
                assertThat(kept.shared()[i]).isEqualTo(kept.customers()[i] % 7);
            }
        }
    }
}
