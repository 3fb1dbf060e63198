package dev.custograph.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Ranks candidate products for a customer from its {@link Evidence}. Each source scores a product 0-1:
 * <ul>
 *   <li>similar customers: the similarity-weighted share of the customer's neighbours who bought it (the seed's
 *       user-based collaborative filtering);</li>
 *   <li>bought with: the highest confidence of a rule {owned product} -> {it};</li>
 *   <li>popularity: the share of the customer's group who bought it, over the group's most bought product's share.</li>
 * </ul>
 * The score is the weighted mean of the three. Products the customer owns (unless owned ones are allowed, for
 * consumables), returned, or that were never sold are left out. Ties go to the smaller product id, so the same
 * evidence always gives the same list.
 */
final class Blend {

    private static final int SHOWN_NEIGHBOURS = 3;
    private static final int SHOWN_RULES = 2;

    private Blend() {
    }

    private static final class Candidate {
        final String productId;
        double neighbourWeight;
        final List<Evidence.Neighbour> boughtBy = new ArrayList<>();
        final List<Evidence.RuleFrom> rules = new ArrayList<>();
        double bestConfidence;
        double share;
        double popularity;
        double cf;
        double score;

        Candidate(String productId) {
            this.productId = productId;
        }
    }

    static List<Recommendation> rank(Evidence evidence, RecommendationWeights weights, int k, boolean includeOwned,
                                     Predicate<String> sold) {
        Map<String, Candidate> candidates = new HashMap<>();
        double totalSimilarity = 0;
        for (Evidence.Neighbour n : evidence.neighbours()) {
            totalSimilarity += n.score();
            for (String product : n.products()) {
                Candidate c = candidates.computeIfAbsent(product, Candidate::new);
                c.neighbourWeight += n.score();
                c.boughtBy.add(n);
            }
        }
        for (Evidence.RuleFrom rule : evidence.rules()) {
            Candidate c = candidates.computeIfAbsent(rule.productId(), Candidate::new);
            c.rules.add(rule);
            c.bestConfidence = Math.max(c.bestConfidence, rule.confidence());
        }
        PopularityPrior.Group group = evidence.popular();
        double topShare = group.productIds().isEmpty() ? 1 : group.share(0);
        for (int i = 0; i < group.productIds().size(); i++) {
            Candidate c = candidates.computeIfAbsent(group.productIds().get(i), Candidate::new);
            c.share = group.share(i);
            c.popularity = c.share / topShare;
        }
        double weightSum = weights.similarCustomers() + weights.boughtWith() + weights.popularity();
        // Score every candidate, keep the best k, and only then put their reasons into words.
        List<Candidate> scored = new ArrayList<>();
        for (Candidate c : candidates.values()) {
            if ((!includeOwned && evidence.owned().contains(c.productId)) || evidence.returned().contains(c.productId)
                    || !sold.test(c.productId)) {
                continue;
            }
            c.cf = totalSimilarity > 0 ? c.neighbourWeight / totalSimilarity : 0;
            c.score = (weights.similarCustomers() * c.cf + weights.boughtWith() * c.bestConfidence
                    + weights.popularity() * c.popularity) / weightSum;
            if (c.score > 0) {
                scored.add(c);
            }
        }
        scored.sort(Comparator.<Candidate>comparingDouble(c -> c.score).reversed()
                .thenComparing(c -> c.productId));
        List<Recommendation> ranked = new ArrayList<>();
        for (Candidate c : scored.subList(0, Math.min(k, scored.size()))) {
            ranked.add(recommendation(c.productId, evidence.names().get(c.productId), c.score, c.cf,
                    c.bestConfidence, c.popularity, c.share, c.boughtBy, evidence.neighbours().size(), c.rules,
                    weights, group.label()));
        }
        return List.copyOf(ranked);
    }

    /**
     * One recommendation with its reasons in words, from what {@link #rank} found for the product (also used by
     * {@link RecommendationSnapshot} to explain a list it ranked ahead): {@code boughtBy} are the similar customers
     * who bought it (of {@code neighbourCount}), {@code rules} the rules leading to it from products the customer
     * owns, {@code share} the share of the customer's group who bought it.
     */
    static Recommendation recommendation(String productId, String name, double score, double cf,
                                         double bestConfidence, double popularity, double share,
                                         List<Evidence.Neighbour> boughtBy, int neighbourCount,
                                         List<Evidence.RuleFrom> rules, RecommendationWeights weights,
                                         String groupLabel) {
        return new Recommendation(productId, name, score, cf, bestConfidence, popularity,
                reasons(cf, popularity, share, boughtBy, neighbourCount, rules, weights, groupLabel));
    }

    /** The reasons, the one contributing most first. */
    private static List<Recommendation.Reason> reasons(double cf, double popularity, double share,
                                                       List<Evidence.Neighbour> boughtBy, int neighbourCount,
                                                       List<Evidence.RuleFrom> rules, RecommendationWeights weights,
                                                       String groupLabel) {
        List<Map.Entry<Double, Recommendation.Reason>> reasons = new ArrayList<>();
        if (cf > 0) {
            List<Evidence.Neighbour> who = boughtBy.stream()
                    .sorted(Comparator.comparingDouble(Evidence.Neighbour::score).reversed()
                            .thenComparing(Evidence.Neighbour::customerId))
                    .limit(SHOWN_NEIGHBOURS).toList();
            // Other customers are named in customerIds only, which the API shows to roles allowed to see them; the
            // text goes to widgets and names nobody.
            String text = "bought by " + boughtBy.size() + " of your " + neighbourCount + " most similar customers";
            reasons.add(Map.entry(weights.similarCustomers() * cf, new Recommendation.Reason("similar-customers",
                    text, who.stream().map(Evidence.Neighbour::customerId).toList(),
                    who.stream().map(Evidence.Neighbour::score).toList(), null, null, null, null, null, null)));
        }
        rules.stream()
                .sorted(Comparator.comparingDouble(Evidence.RuleFrom::confidence).reversed()
                        .thenComparing(Evidence.RuleFrom::from))
                .limit(SHOWN_RULES)
                .forEach(rule -> {
                    String owned = rule.fromName() == null ? rule.from() : rule.fromName();
                    String text = "often bought with " + owned + ", which you bought ("
                            + fixed(100 * rule.confidence(), 0) + "% of its baskets, lift " + fixed(rule.lift(), 1) + ")";
                    reasons.add(Map.entry(weights.boughtWith() * rule.confidence(), new Recommendation.Reason(
                            "bought-with", text, null, null, rule.from(), rule.fromName(), rule.confidence(),
                            rule.lift(), null, null)));
                });
        if (popularity > 0) {
            String text = "bought by " + fixed(100 * share, 0) + "% of customers in " + groupLabel;
            reasons.add(Map.entry(weights.popularity() * popularity, new Recommendation.Reason("popular", text,
                    null, null, null, null, null, null, groupLabel, share)));
        }
        reasons.sort(Map.Entry.<Double, Recommendation.Reason>comparingByKey().reversed());
        return reasons.stream().map(Map.Entry::getValue).toList();
    }

    /**
     * The number with this many decimals, as {@code String.format("%.Nf")} writes it (half up, from the shortest
     * decimal that reads back as the number) but without its format parsing, which was most of the cost of putting a
     * list's reasons into words (profiled with JFR under wrk).
     */
    static String fixed(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.format("%." + decimals + "f", value);
        }
        return java.math.BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
