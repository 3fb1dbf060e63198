package dev.custograph.recommend;

import java.util.List;

/**
 * A rules run: how many baskets, how many products were frequent on their own, and the rules, sorted by lift then
 * confidence, in arules' terms.
 */
public record RulesReport(String runId, long transactions, int frequentProducts, List<Rule> rules,
                         double cypherSeconds, double seconds) {

    /**
     * {antecedent} -> {consequent}: product ids, with support, confidence, lift and the count of baskets; the
     * products' names (null when a product has none) for people reading the rules.
     */
    public record Rule(List<String> antecedent, List<String> consequent, double support, double confidence,
                       double lift, long count, List<String> antecedentNames, List<String> consequentNames) {
    }
}
