package dev.custograph.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.custograph.graph.Graph;
import dev.custograph.recommend.PopularityPrior;
import dev.custograph.recommend.RecommendationData;
import dev.custograph.recommend.RecommendationWeights;
import dev.custograph.recommend.Recommender;
import dev.custograph.recommend.SimilarCustomer;
import dev.custograph.recommend.SimilarCustomers;
import dev.custograph.recommend.SimilarityMeasure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Caffeine caches for recommendations (per customer, the longest list the API serves), similar customers (per
 * customer), the latest rules run's rules, the popularity prior, and the purchases and rules the recommender keeps in
 * memory ({@link RecommendationData}), so that a recommendation not yet cached costs one small read. Every write through this process's
 * {@link Graph} empties them before it returns: an order, a merge, a rules or similarity run all change what a
 * customer should be offered.
 */
public final class RecommendationCache implements Graph.WriteListener {

    private static final String LATEST = "";

    /** The latest rules run: its id and its rules, best lift first. */
    record Rules(String runId, List<AssociationRuleView> rules) {
    }

    /** One rule as the API shows it. */
    record AssociationRuleView(List<String> antecedentIds, List<String> consequentIds, double support,
                               double confidence, double lift, long count) {

        String key() {
            return String.join("\u0001", antecedentIds) + "\u0002" + String.join("\u0001", consequentIds);
        }
    }

    private final Graph graph;
    private final LoadingCache<String, Recommender.Result> recommendations;
    private final LoadingCache<String, List<SimilarCustomer>> similar;
    private final LoadingCache<String, Rules> rules;
    private final LoadingCache<String, PopularityPrior> prior;
    private final LoadingCache<String, RecommendationData> data;

    public RecommendationCache(Graph graph, RecommendationWeights weights, EntityCache.Settings settings,
                               MeterRegistry meters) {
        this.graph = graph;
        prior = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(settings.expireAfterWrite()).recordStats()
                .build(key -> PopularityPrior.read(graph));
        data = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(settings.expireAfterWrite()).recordStats()
                .build(key -> RecommendationData.read(graph));
        Recommender recommender = new Recommender(graph, () -> prior.get(LATEST), () -> data.get(LATEST));
        recommendations = Caffeine.newBuilder().maximumSize(settings.maximumSize())
                .expireAfterWrite(settings.expireAfterWrite()).recordStats()
                .build(id -> recommender.recommend(id, Recommender.MAX_K, weights, false));
        similar = Caffeine.newBuilder().maximumSize(settings.maximumSize())
                .expireAfterWrite(settings.expireAfterWrite()).recordStats().build(this::readSimilar);
        rules = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(settings.expireAfterWrite()).recordStats()
                .build(key -> readRules());
        CaffeineCacheMetrics.monitor(meters, recommendations, "recommendations");
        CaffeineCacheMetrics.monitor(meters, similar, "similarCustomers");
        CaffeineCacheMetrics.monitor(meters, rules, "associationRules");
        CaffeineCacheMetrics.monitor(meters, prior, "popularityPrior");
        CaffeineCacheMetrics.monitor(meters, data, "recommendationData");
    }

    /** The customer's recommendations, at most {@link Recommender#MAX_K}; unknown customers say so. */
    public Recommender.Result recommendations(String customerId) {
        return recommendations.get(customerId);
    }

    /** The customer's similar customers: materialised SIMILAR if it has any, else found now by traversal. */
    public List<SimilarCustomer> similar(String customerId) {
        return similar.get(customerId);
    }

    Rules rules() {
        return rules.get(LATEST);
    }

    private List<SimilarCustomer> readSimilar(String customerId) {
        List<SimilarCustomer> stored = graph.readRows("read/similar-customers", Map.of("customerId", customerId,
                "k", SimilarCustomers.MAX_K)).stream()
                .map(row -> new SimilarCustomer((String) row.get("customerId"), (String) row.get("name"),
                        (Double) row.get("score"), (Long) row.get("shared")))
                .toList();
        return stored.isEmpty()
                ? new SimilarCustomers(graph).of(customerId, SimilarCustomers.MAX_K, SimilarityMeasure.COSINE).similar()
                : stored;
    }

    private Rules readRules() {
        List<AssociationRuleView> all = new ArrayList<>();
        String runId = null;
        for (Map<String, Object> row : graph.readRows("read/association-rules", Map.of())) {
            @SuppressWarnings("unchecked")
            List<String> antecedent = (List<String>) row.get("antecedent");
            @SuppressWarnings("unchecked")
            List<String> consequent = (List<String>) row.get("consequent");
            all.add(new AssociationRuleView(antecedent, consequent, (Double) row.get("support"),
                    (Double) row.get("confidence"), (Double) row.get("lift"), (Long) row.get("count")));
            runId = (String) row.get("runId");
        }
        all.sort(Comparator.comparingDouble(AssociationRuleView::lift).reversed()
                .thenComparing(Comparator.comparingDouble(AssociationRuleView::confidence).reversed())
                .thenComparing(AssociationRuleView::key));
        return new Rules(runId, List.copyOf(all));
    }

    @Override
    public void afterWrite(String statementName) {
        recommendations.invalidateAll();
        similar.invalidateAll();
        rules.invalidateAll();
        prior.invalidateAll();
        data.invalidateAll();
    }
}
