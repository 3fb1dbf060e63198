package dev.custograph.recommend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.custograph.graph.Graph;
import dev.custograph.graph.Row;
import dev.custograph.model.InvalidParameterException;

/**
 * Recommendations for one customer, gathered from the graph in one read
 * ({@code cypher/recommend/customer-evidence.cypher}) and ranked by {@link Blend}: for a one-off call such as the
 * {@code recommend} command, and for the API while {@link Recommendations} has no snapshot to serve from (the
 * same lists, tested). A customer without materialised SIMILAR relationships (new since the last
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

    /**
     * Gathers everything from the graph on each call.
     *
     * @param prior the popularity prior, which the caller may cache (it changes only when the graph does)
     */
    public Recommender(Graph graph, Supplier<PopularityPrior> prior) {
        this.graph = graph;
        this.prior = prior;
    }

    /** k below 1 is refused; above {@link #MAX_K} it is cut. */
    public static int checkedK(int k) {
        if (k < 1) {
            throw new InvalidParameterException("k", "must be at least 1, got " + k);
        }
        return Math.min(k, MAX_K);
    }

    public Result recommend(String customerId, int k, RecommendationWeights weights, boolean includeOwned) {
        int limit = checkedK(k);
        Evidence evidence = evidence(customerId);
        if (evidence == null) {
            return new Result(customerId, false, List.of());
        }
        PopularityPrior popularity = prior.get();
        return new Result(customerId, true, Blend.rank(evidence, weights, limit, includeOwned, popularity::sold));
    }

    /** The customer's evidence, or null when there is no such customer. */
    Evidence evidence(String customerId) {
        List<Row> rows = graph.rows("recommend/customer-evidence", Map.of("customerId",
                customerId, "neighbours", NEIGHBOURS));
        if (rows.isEmpty()) {
            return null;
        }
        Row row = rows.get(0);
        List<String> owned = row.strings("owned");
        List<String> returned = row.strings("returned");
        List<Evidence.Neighbour> neighbours = new ArrayList<>();
        List<Row> found = row.rows("neighbours");
        for (Row n : found) {
            List<String> products = n.strings("products");
            neighbours.add(new Evidence.Neighbour(n.string("customerId"), n.string("name"),
                    n.doubleOrNull("score"), products));
        }
        if (neighbours.isEmpty() && !owned.isEmpty()) {
            neighbours = liveNeighbours(customerId);
        }
        List<Evidence.RuleFrom> rules = new ArrayList<>();
        List<Row> ruleRows = row.rows("rules");
        for (Row r : ruleRows) {
            rules.add(new Evidence.RuleFrom(r.string("from"), r.string("fromName"),
                    r.string("productId"), r.doubleOrNull("confidence"), r.doubleOrNull("lift")));
        }
        PopularityPrior popularity = prior.get();
        return new Evidence(customerId, new HashSet<>(owned), new HashSet<>(returned), neighbours, rules,
                popularity.groupFor(row.string("segmentId"), row.string("country")), popularity.names());
    }

    /** Neighbours by traversal, for a customer the last materialisation did not cover. */
    private List<Evidence.Neighbour> liveNeighbours(String customerId) {
        List<SimilarCustomer> similar = new SimilarCustomers(graph).of(customerId, NEIGHBOURS,
                SimilarityMeasure.COSINE).similar();
        if (similar.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> bought = new HashMap<>();
        for (Row row : graph.rows("recommend/neighbour-purchases", Map.of("ids",
                similar.stream().map(SimilarCustomer::customerId).toList()))) {
            List<String> products = row.strings("products");
            bought.put(row.string("customerId"), products);
        }
        return similar.stream().map(s -> new Evidence.Neighbour(s.customerId(), s.name(), s.score(),
                bought.getOrDefault(s.customerId(), List.of()))).toList();
    }
}
