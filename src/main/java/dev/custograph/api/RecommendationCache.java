package dev.custograph.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.custograph.graph.Graph;
import dev.custograph.graph.Row;
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
 * memory ({@link RecommendationData}), so that a recommendation not yet cached costs no read. Every write
 * through this process's {@link Graph} drops what it changed before it returns ({@link CacheInvalidation}).
 *
 * <p>An order does not rebuild the purchases held in memory (seconds on a large graph): its products are kept aside
 * until the next rebuild, so the customer who placed it is never offered them again, while other customers'
 * recommendations take its effect on their neighbours when they expire or the next rules or similarity run writes.
 */
public final class RecommendationCache {

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
    /** Products of orders placed through this process since {@link #data} was read, by customer. */
    private final Map<String, PlacedSince> placed = new ConcurrentHashMap<>();
    /** Customers whose profile changed through this process since {@link #data} was read, and when. */
    private final Map<String, Long> profileChanged = new ConcurrentHashMap<>();

    private record PlacedSince(Set<String> productIds, long atNanos) {
    }

    public RecommendationCache(Graph graph, RecommendationWeights weights, EntityCache.Settings settings,
                               MeterRegistry meters) {
        this.graph = graph;
        prior = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(settings.expireAfterWrite()).recordStats()
                .build(key -> PopularityPrior.read(graph));
        data = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(settings.expireAfterWrite()).recordStats()
                .build(key -> readData());
        Recommender recommender = new Recommender(graph, () -> prior.get(LATEST),
                () -> data.get(LATEST).withChanges(id -> {
                    PlacedSince since = placed.get(id);
                    return since == null ? null : since.productIds();
                }, profileChanged::containsKey));
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
        List<SimilarCustomer> stored = graph.rows("read/similar-customers", Map.of("customerId", customerId,
                "k", SimilarCustomers.MAX_K)).stream()
                .map(row -> new SimilarCustomer(row.string("customerId"), row.string("name"),
                        row.doubleOrNull("score"), row.longOrNull("shared")))
                .toList();
        return stored.isEmpty()
                ? new SimilarCustomers(graph).of(customerId, SimilarCustomers.MAX_K, SimilarityMeasure.COSINE).similar()
                : stored;
    }

    private Rules readRules() {
        List<AssociationRuleView> all = new ArrayList<>();
        String runId = null;
        for (Row row : graph.rows("read/association-rules", Map.of())) {
            List<String> antecedent = row.strings("antecedent");
            List<String> consequent = row.strings("consequent");
            all.add(new AssociationRuleView(antecedent, consequent, row.doubleOrNull("support"),
                    row.doubleOrNull("confidence"), row.doubleOrNull("lift"), row.longOrNull("count")));
            runId = row.string("runId");
        }
        all.sort(Comparator.comparingDouble(AssociationRuleView::lift).reversed()
                .thenComparing(Comparator.comparingDouble(AssociationRuleView::confidence).reversed())
                .thenComparing(AssociationRuleView::key));
        return new Rules(runId, List.copyOf(all));
    }

    private RecommendationData readData() {
        long started = System.nanoTime();
        RecommendationData read = RecommendationData.read(graph);
        // Orders committed before this read began are in it; later ones (and racing ones) stay aside.
        placed.values().removeIf(since -> since.atNanos() - started < 0);
        profileChanged.values().removeIf(at -> at - started < 0);
        return read;
    }

    /** A customer placed an order for these products: only its own recommendations and similar customers change. */
    void orderPlaced(String customerId, Collection<String> productIds) {
        placed.merge(customerId, new PlacedSince(Set.copyOf(productIds), System.nanoTime()), (was, now) -> {
            Set<String> both = new HashSet<>(was.productIds());
            both.addAll(now.productIds());
            return new PlacedSince(Set.copyOf(both), now.atNanos());
        });
        recommendations.invalidate(customerId);
        similar.invalidate(customerId);
    }

    /**
     * A customer's profile changed (e.g. its country, which picks its popularity group), or a customer was created:
     * its context is read live until the data held in memory is read again.
     */
    void customersChanged(Collection<String> ids) {
        long now = System.nanoTime();
        ids.forEach(id -> profileChanged.put(id, now));
        recommendations.invalidateAll(ids);
        similar.invalidateAll(ids);
    }

    /**
     * Customers were merged away, restored or erased: their own entries, every list that names them (similar
     * customers, reasons), and the purchases held in memory, which are keyed by customer.
     */
    void forgetCustomers(Collection<String> ids) {
        recommendations.invalidateAll(ids);
        similar.invalidateAll(ids);
        recommendations.asMap().values().removeIf(result -> result.recommendations().stream()
                .flatMap(r -> r.reasons().stream())
                .anyMatch(reason -> reason.customerIds() != null && reason.customerIds().stream().anyMatch(ids::contains)));
        similar.asMap().values().removeIf(list -> list.stream().anyMatch(s -> ids.contains(s.customerId())));
        data.invalidateAll();
        prior.invalidateAll();
    }

    /** A rules run: the rules, the rules held in memory, and every recommendation (item-based scores). */
    void rulesWritten() {
        rules.invalidateAll();
        data.invalidateAll();
        recommendations.invalidateAll();
    }

    /** A similarity run replaced SIMILAR, which the customers' contexts held in memory hold. */
    void similarityWritten() {
        similar.invalidateAll();
        data.invalidateAll();
        recommendations.invalidateAll();
    }

    /** A segmentation run: the popularity groups follow segments, and the contexts held in memory name them. */
    void segmentsWritten() {
        prior.invalidateAll();
        data.invalidateAll();
        recommendations.invalidateAll();
    }

    void invalidateAll() {
        recommendations.invalidateAll();
        similar.invalidateAll();
        rules.invalidateAll();
        prior.invalidateAll();
        data.invalidateAll();
    }
}
