package dev.custograph.recommend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.custograph.graph.Graph;

/**
 * Recommendations for one customer: its {@link Evidence} is gathered and {@link Blend} ranks it. Two ways to gather:
 * <ul>
 *   <li>all from the graph, one read ({@code cypher/recommend/customer-evidence.cypher}): for a one-off call such as
 *       the {@code recommend} command;</li>
 *   <li>with {@link RecommendationData} in memory (for the API, which serves many): one small read
 *       ({@code customer-context.cypher}) for the customer's segment, country and SIMILAR customers, and the
 *       purchases and rules from memory.</li>
 * </ul>
 * Both give the same list (tested). A customer without materialised SIMILAR relationships (new since the last
 * {@code similar --all}) gets its neighbours computed now instead; a customer with no purchases at all gets the
 * popularity prior of its segment or country (cold start).
 */
public final class Recommender {

    /** The most recommendations a request returns; larger requests are cut to this. */
    public static final int MAX_K = 100;
    /** How many similar customers vote. */
    static final int NEIGHBOURS = 20;

    /** A customer's recommendations; an unknown customer is not an error but an empty list and a message. */
    public record Result(String customerId, boolean customerExists, List<Recommendation> recommendations) {

        public String message() {
            if (!customerExists) {
                return "no customer with id " + customerId;
            }
            return recommendations.isEmpty() ? "nothing to recommend to customer " + customerId
                    + " (no purchases by similar customers, no rules from its products, no sales in its group)"
                    : null;
        }
    }

    private final Graph graph;
    private final Supplier<PopularityPrior> prior;
    private final Supplier<RecommendationData> data;

    /** Gathers everything from the graph on each call. */
    public Recommender(Graph graph, Supplier<PopularityPrior> prior) {
        this(graph, prior, null);
    }

    /**
     * @param prior the popularity prior, which the caller may cache (it changes only when the graph does)
     * @param data  purchases and rules held in memory, likewise cached by the caller; null to read them per call
     */
    public Recommender(Graph graph, Supplier<PopularityPrior> prior, Supplier<RecommendationData> data) {
        this.graph = graph;
        this.prior = prior;
        this.data = data;
    }

    /** k below 1 is refused; above {@link #MAX_K} it is cut. */
    public static int checkedK(int k, String option) {
        if (k < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, got " + k);
        }
        return Math.min(k, MAX_K);
    }

    public Result recommend(String customerId, int k, RecommendationWeights weights, boolean includeOwned) {
        int limit = checkedK(k, "--k");
        Evidence evidence = data == null ? evidence(customerId) : evidenceFromMemory(customerId, data.get());
        if (evidence == null) {
            return new Result(customerId, false, List.of());
        }
        PopularityPrior popularity = prior.get();
        return new Result(customerId, true, Blend.rank(evidence, weights, limit, includeOwned, popularity::sold));
    }

    /** The customer's evidence, or null when there is no such customer. */
    Evidence evidence(String customerId) {
        List<Map<String, Object>> rows = graph.readRows("recommend/customer-evidence", Map.of("customerId",
                customerId, "neighbours", NEIGHBOURS));
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, Object> row = rows.get(0);
        @SuppressWarnings("unchecked")
        List<String> owned = (List<String>) row.get("owned");
        @SuppressWarnings("unchecked")
        List<String> returned = (List<String>) row.get("returned");
        List<Evidence.Neighbour> neighbours = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> found = (List<Map<String, Object>>) row.get("neighbours");
        for (Map<String, Object> n : found) {
            @SuppressWarnings("unchecked")
            List<String> products = (List<String>) n.get("products");
            neighbours.add(new Evidence.Neighbour((String) n.get("customerId"), (String) n.get("name"),
                    (Double) n.get("score"), products));
        }
        if (neighbours.isEmpty() && !owned.isEmpty()) {
            neighbours = liveNeighbours(customerId);
        }
        List<Evidence.RuleFrom> rules = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ruleRows = (List<Map<String, Object>>) row.get("rules");
        for (Map<String, Object> r : ruleRows) {
            rules.add(new Evidence.RuleFrom((String) r.get("from"), (String) r.get("fromName"),
                    (String) r.get("productId"), (Double) r.get("confidence"), (Double) r.get("lift")));
        }
        PopularityPrior popularity = prior.get();
        return new Evidence(customerId, new HashSet<>(owned), new HashSet<>(returned), neighbours, rules,
                popularity.groupFor((String) row.get("segmentId"), (String) row.get("country")), popularity.names());
    }

    /** The customer's evidence from memory and one small read, or null when there is no such customer. */
    Evidence evidenceFromMemory(String customerId, RecommendationData memory) {
        List<Map<String, Object>> rows = graph.readRows("recommend/customer-context", Map.of("customerId",
                customerId, "neighbours", NEIGHBOURS));
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, Object> row = rows.get(0);
        List<String> owned = memory.owned(customerId);
        List<Evidence.Neighbour> neighbours = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> found = (List<Map<String, Object>>) row.get("neighbours");
        for (Map<String, Object> n : found) {
            String id = (String) n.get("customerId");
            if (id != null) {
                neighbours.add(new Evidence.Neighbour(id, (String) n.get("name"), (Double) n.get("score"),
                        memory.owned(id)));
            }
        }
        if (neighbours.isEmpty() && !owned.isEmpty()) {
            neighbours = memory.neighbours(customerId, NEIGHBOURS);
        }
        List<Evidence.RuleFrom> rules = new ArrayList<>();
        for (String product : owned) {
            rules.addAll(memory.rulesFrom().getOrDefault(product, List.of()));
        }
        PopularityPrior popularity = prior.get();
        return new Evidence(customerId, new HashSet<>(owned),
                new HashSet<>(memory.returned().getOrDefault(customerId, List.of())), neighbours, rules,
                popularity.groupFor((String) row.get("segmentId"), (String) row.get("country")), popularity.names());
    }

    /** Neighbours by traversal, for a customer the last materialisation did not cover. */
    private List<Evidence.Neighbour> liveNeighbours(String customerId) {
        List<SimilarCustomer> similar = new SimilarCustomers(graph).of(customerId, NEIGHBOURS,
                SimilarityMeasure.COSINE).similar();
        if (similar.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> bought = new HashMap<>();
        for (Map<String, Object> row : graph.readRows("recommend/neighbour-purchases", Map.of("ids",
                similar.stream().map(SimilarCustomer::customerId).toList()))) {
            @SuppressWarnings("unchecked")
            List<String> products = (List<String>) row.get("products");
            bought.put((String) row.get("customerId"), products);
        }
        return similar.stream().map(s -> new Evidence.Neighbour(s.customerId(), s.name(), s.score(),
                bought.getOrDefault(s.customerId(), List.of()))).toList();
    }
}
