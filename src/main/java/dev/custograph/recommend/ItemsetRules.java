package dev.custograph.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules X -> {y} from the frequent itemsets FP-Growth finds in the baskets, with arules' definitions and its habit of
 * one item on the right: for a frequent itemset I and each y in I, X = I minus y, count = baskets holding I, support =
 * count / transactions, confidence = count / baskets holding X, lift = confidence / support(y).
 */
final class ItemsetRules {

    /** Sorted by lift, then confidence, then the ids, so that a run's order is reproducible. */
    static final Comparator<RulesReport.Rule> BEST_FIRST = Comparator
            .comparingDouble(RulesReport.Rule::lift).reversed()
            .thenComparing(Comparator.comparingDouble(RulesReport.Rule::confidence).reversed())
            .thenComparing(r -> String.join("\u0000", r.antecedent()))
            .thenComparing(r -> String.join("\u0000", r.consequent()));

    private ItemsetRules() {
    }

    static List<RulesReport.Rule> mine(Baskets baskets, double minSupport, double minConfidence, double minLift,
                                       int maxLength, int limit) {
        long n = baskets.transactions();
        if (n == 0 || baskets.productIds().size() < 2) {
            return List.of();
        }
        // The smallest whole count with count >= minSupport * n, the comparison arules makes.
        int minCount = Math.max(1, (int) Math.ceil(minSupport * n));
        List<FpGrowth.Itemset> itemsets = FpGrowth.mine(baskets.baskets(), baskets.productIds().size(), minCount,
                maxLength);
        Map<Key, Integer> countOf = new HashMap<>(itemsets.size() * 2);
        for (FpGrowth.Itemset itemset : itemsets) {
            countOf.put(new Key(itemset.items()), itemset.count());
        }
        List<RulesReport.Rule> rules = new ArrayList<>();
        for (FpGrowth.Itemset itemset : itemsets) {
            int[] items = itemset.items();
            if (items.length < 2) {
                continue;
            }
            for (int i = 0; i < items.length; i++) {
                int consequent = items[i];
                int[] antecedent = without(items, i);
                // Every subset of a frequent itemset is frequent, so its count is always known.
                double confidence = (double) itemset.count() / countOf.get(new Key(antecedent));
                double lift = confidence / ((double) baskets.itemCounts()[consequent] / n);
                if (confidence >= minConfidence && lift >= minLift) {
                    rules.add(rule(baskets, antecedent, consequent, itemset.count(), confidence, lift));
                }
            }
        }
        rules.sort(BEST_FIRST);
        return rules.size() > limit ? new ArrayList<>(rules.subList(0, limit)) : rules;
    }

    private static RulesReport.Rule rule(Baskets baskets, int[] antecedent, int consequent, int count,
                                         double confidence, double lift) {
        List<String> ids = new ArrayList<>(antecedent.length);
        List<String> names = new ArrayList<>(antecedent.length);
        // Antecedent products in id order, as arules prints an itemset.
        Integer[] byId = Arrays.stream(antecedent).boxed().toArray(Integer[]::new);
        Arrays.sort(byId, Comparator.comparing(i -> baskets.productIds().get(i)));
        for (int item : byId) {
            ids.add(baskets.productIds().get(item));
            names.add(baskets.names().get(item));
        }
        return new RulesReport.Rule(ids, List.of(baskets.productIds().get(consequent)),
                (double) count / baskets.transactions(), confidence, lift, count, names,
                java.util.Collections.singletonList(baskets.names().get(consequent)));
    }

    private static int[] without(int[] items, int index) {
        int[] rest = new int[items.length - 1];
        System.arraycopy(items, 0, rest, 0, index);
        System.arraycopy(items, index + 1, rest, index, items.length - index - 1);
        return rest;
    }

    /** An itemset (ascending positions) as a hash key. */
    private record Key(int[] items) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Arrays.equals(items, other.items);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(items);
        }
    }
}
