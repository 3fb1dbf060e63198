package dev.custograph.recommend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.custograph.graph.Graph;
import dev.custograph.graph.Row;

/**
 * What the API's recommender keeps in memory so that a recommendation needs no read at all: every customer's
 * purchases (the projection {@link SimilarCustomers} also uses), what each returned, the BOUGHT_WITH rules by the
 * product on their left, and each customer's {@link Context} (country, current segment, materialised SIMILAR
 * customers). Walking a customer's orders and lines, and its neighbours', in Cypher took 16 ms at the median and
 * 130 ms at p99 on Online Retail, where heavy buyers have thousands of lines; reading only the context still cost a
 * round trip and a query per request. Built in one pass (3 s on Online Retail) and rebuilt by the caller when the
 * graph changes.
 *
 * <p>Two overlays keep it right between rebuilds (see {@link #withChanges}): {@code placedSince} holds the products
 * of orders placed after the projection was read, because rebuilding it for every order would cost seconds while a
 * customer must never be offered what it has just bought; {@code contextChanged} names customers whose profile
 * changed since, whose context is then read live.
 */
public record RecommendationData(PurchaseMatrix purchases, Map<String, Integer> positions,
                                 Map<String, List<String>> returned,
                                 Map<String, List<Evidence.RuleFrom>> rulesFrom,
                                 Map<String, Context> contexts,
                                 Function<String, Set<String>> placedSince,
                                 Predicate<String> contextChanged) {

    /**
     * What {@code customer-context.cypher} reads for one customer: its country and current segment (either may be
     * null) and its SIMILAR customers, best first, with their scores.
     */
    public record Context(String country, String segmentId, List<String> neighbourIds, List<Double> scores) {

        static Context of(Row row) {
            List<String> ids = new ArrayList<>();
            List<Double> scores = new ArrayList<>();
            for (Row n : row.rows("neighbours")) {
                String id = n.string("customerId");
                if (id != null) {
                    ids.add(id);
                    scores.add(n.doubleOrNull("score"));
                }
            }
            return new Context(row.string("country"), row.string("segmentId"), List.copyOf(ids),
                    java.util.Collections.unmodifiableList(scores));
        }
    }

    public static RecommendationData read(Graph graph) {
        Map<String, List<String>> returned = new HashMap<>();
        PurchaseMatrix purchases = SimilarCustomers.project(graph, returned);
        Map<String, Integer> positions = new HashMap<>();
        for (int c = 0; c < purchases.customers(); c++) {
            positions.put(purchases.customerId(c), c);
        }
        Map<String, List<Evidence.RuleFrom>> rulesFrom = new HashMap<>();
        for (Row row : graph.rows("recommend/all-bought-with", Map.of())) {
            Evidence.RuleFrom rule = new Evidence.RuleFrom(row.string("from"), row.string("fromName"),
                    row.string("productId"), row.doubleOrNull("confidence"), row.doubleOrNull("lift"));
            rulesFrom.computeIfAbsent(rule.from(), p -> new ArrayList<>()).add(rule);
        }
        Map<String, Context> contexts = new HashMap<>();
        graph.rows("recommend/all-customer-contexts", Map.of("neighbours", Recommender.NEIGHBOURS))
                .forEach(row -> contexts.put(row.string("customerId"), Context.of(row)));
        return new RecommendationData(purchases, positions, returned, rulesFrom, contexts, customerId -> null,
                customerId -> false);
    }

    /**
     * The same data, with the products of orders placed since it was read added to their customers' ({@code placed}
     * gives a customer's, or null when it placed none), and the contexts of customers {@code contextChanged} names
     * left to be read live.
     */
    public RecommendationData withChanges(Function<String, Set<String>> placed, Predicate<String> contextChanged) {
        return new RecommendationData(purchases, positions, returned, rulesFrom, contexts, placed, contextChanged);
    }

    /** The customer's context as read with the rest, or null: not a customer then, or changed since. */
    Context context(String customerId) {
        return contextChanged.test(customerId) ? null : contexts.get(customerId);
    }

    /** What the customer bought (empty when nothing). */
    List<String> owned(String customerId) {
        Integer c = positions.get(customerId);
        List<String> projected = c == null ? List.of() : purchases.productsOf(c);
        Set<String> placed = placedSince.apply(customerId);
        if (placed == null) {
            return projected;
        }
        Set<String> all = new LinkedHashSet<>(projected);
        all.addAll(placed);
        return List.copyOf(all);
    }

    /** What the customer's similar customers bought, found in memory (cosine), for a customer SIMILAR misses. */
    List<Evidence.Neighbour> neighbours(String customerId, int k) {
        Integer c = positions.get(customerId);
        if (c == null) {
            return List.of();
        }
        PurchaseMatrix.Neighbours found = purchases.topKOf(c, k, SimilarityMeasure.COSINE);
        List<Evidence.Neighbour> neighbours = new ArrayList<>();
        for (int i = 0; i < found.customers().length; i++) {
            neighbours.add(new Evidence.Neighbour(purchases.customerId(found.customers()[i]), null,
                    found.scores()[i], purchases.productsOf(found.customers()[i])));
        }
        return neighbours;
    }
}
