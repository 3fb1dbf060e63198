package dev.custograph.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** FP-Growth finds exactly the itemsets that counting every subset of the items finds. */
class FpGrowthTest {

    private static final int ITEMS = 8;

    @Property(tries = 300)
    void findsExactlyTheItemsetsThatBruteForceEnumerationFinds(@ForAll("baskets") List<int[]> baskets,
                                                               @ForAll @IntRange(min = 1, max = 6) int minCount,
                                                               @ForAll @IntRange(min = 1, max = 5) int maxLength) {
        Set<FpGrowth.Itemset> mined = new HashSet<>(FpGrowth.mine(baskets, ITEMS, minCount, maxLength));
        assertThat(mined).hasSameSizeAs(FpGrowth.mine(baskets, ITEMS, minCount, maxLength)); // no itemset twice
        assertThat(mined).isEqualTo(bruteForce(baskets, minCount, maxLength));
    }

    @Provide
    Arbitrary<List<int[]>> baskets() {
        Arbitrary<int[]> basket = Arbitraries.integers().between(0, (1 << ITEMS) - 1).map(FpGrowthTest::itemsOf);
        return basket.list().ofMinSize(0).ofMaxSize(40);
    }

    @Test
    void aTextbookExampleGivesItsKnownItemsets() {
        // Han, Pei and Yin's five transactions (f a c d g i m p / a b c f l m o / b f h j o / b c k s p /
        // a f c e l p m n) with items renamed a=0 b=1 c=2 f=3 m=4 p=5 and the rest dropped (all infrequent at 3).
        List<int[]> baskets = List.of(new int[]{3, 0, 2, 4, 5}, new int[]{0, 1, 2, 3, 4}, new int[]{1, 3},
                new int[]{1, 2, 5}, new int[]{0, 3, 2, 5, 4});
        Set<FpGrowth.Itemset> mined = new HashSet<>(FpGrowth.mine(baskets, 6, 3, 10));
        // The paper lists 18 frequent patterns at support 3, among them {f, c, a, m} with count 3.
        assertThat(mined).hasSize(18).contains(new FpGrowth.Itemset(new int[]{0, 2, 3, 4}, 3),
                new FpGrowth.Itemset(new int[]{2, 5}, 3), new FpGrowth.Itemset(new int[]{3}, 4));
    }

    @Test
    void refusesThresholdsThatMeanNothing() {
        assertThatThrownBy(() -> FpGrowth.mine(List.of(), 1, 0, 2)).hasMessageContaining("minCount");
        assertThatThrownBy(() -> FpGrowth.mine(List.of(), 1, 1, 0)).hasMessageContaining("maxLength");
    }

    private static int[] itemsOf(int mask) {
        return java.util.stream.IntStream.range(0, ITEMS).filter(i -> (mask & (1 << i)) != 0).toArray();
    }

    /** Every non-empty subset of the items, as a bit mask, counted over the baskets. */
    private static Set<FpGrowth.Itemset> bruteForce(List<int[]> baskets, int minCount, int maxLength) {
        List<Integer> masks = new ArrayList<>();
        for (int[] basket : baskets) {
            int mask = 0;
            for (int item : basket) {
                mask |= 1 << item;
            }
            masks.add(mask);
        }
        Set<FpGrowth.Itemset> found = new HashSet<>();
        for (int subset = 1; subset < 1 << ITEMS; subset++) {
            if (Integer.bitCount(subset) > maxLength) {
                continue;
            }
            int count = 0;
            for (int mask : masks) {
                if ((mask & subset) == subset) {
                    count++;
                }
            }
            if (count >= minCount) {
                found.add(new FpGrowth.Itemset(itemsOf(subset), count));
            }
        }
        return found;
    }
}
