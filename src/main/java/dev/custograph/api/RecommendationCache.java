package dev.custograph.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.custograph.graph.Graph;
import dev.custograph.graph.Row;
import dev.custograph.recommend.Recommendations;
import dev.custograph.recommend.Recommender;
import dev.custograph.recommend.SimilarCustomer;
import dev.custograph.recommend.SimilarCustomers;
import dev.custograph.recommend.SimilarityMeasure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Caffeine caches in front of {@link Recommendations} (per customer, the list a page or widget shows), similar
 * customers (per customer), the latest rules run's rules, and nothing else: the recommendations service owns its data
 * and keeps it right as the graph changes, and tells this cache when what it serves changed (a new snapshot, an
 * order, a profile change). Every write through this process's {@link Graph} drops what it changed before it
 * returns ({@link CacheInvalidation}).
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

    /**
     * A customer's recommendations as cached, and answers rendered from them (the widget's JSON, by the length asked
     * for), which go when they go.
     */
    private record Entry(Recommender.Result result, Map<Integer, Object> rendered) {
    }

    private final Graph graph;
    private final Recommendations service;
    private final LoadingCache<String, Entry> recommendations;
    private final LoadingCache<String, List<SimilarCustomer>> similar;
    private final LoadingCache<String, Rules> rules;

    public RecommendationCache(Graph graph, Recommendations service, EntityCache.Settings settings,
                               MeterRegistry meters) {
        this.graph = graph;
        this.service = service;
        recommendations = Caffeine.newBuilder().maximumSize(settings.maximumSize())
                .expireAfterWrite(settings.expireAfterWrite()).recordStats()
                .build(id -> new Entry(service.forCustomer(id, Recommendations.PRECOMPUTED),
                        new ConcurrentHashMap<>()));
        similar = Caffeine.newBuilder().maximumSize(settings.maximumSize())
                .expireAfterWrite(settings.expireAfterWrite()).recordStats().build(this::readSimilar);
        rules = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(settings.expireAfterWrite()).recordStats()
                .build(key -> readRules());
        CaffeineCacheMetrics.monitor(meters, recommendations, "recommendations");
        CaffeineCacheMetrics.monitor(meters, similar, "similarCustomers");
        CaffeineCacheMetrics.monitor(meters, rules, "associationRules");
        service.onRefreshed(recommendations::invalidateAll);
    }

    /**
     * The customer's best {@code first} recommendations (at most {@link Recommender#MAX_K}); an unknown customer
     * says so. The lists pages and widgets show come from the cache; longer ones from the service.
     */
    public Recommender.Result recommendations(String customerId, int first) {
        if (first > Recommendations.PRECOMPUTED) {
            return service.forCustomer(customerId, first);
        }
        return cut(recommendations.get(customerId).result(), first);
    }

    /**
     * An answer rendered from the customer's first {@code first} recommendations, cached with them: rendered once,
     * then served as it is until the recommendations change.
     */
    @SuppressWarnings("unchecked")
    <T> T rendered(String customerId, int first, Function<Recommender.Result, T> render) {
        if (first > Recommendations.PRECOMPUTED) {
            return render.apply(service.forCustomer(customerId, first));
        }
        Entry entry = recommendations.get(customerId);
        return (T) entry.rendered().computeIfAbsent(first, f -> render.apply(cut(entry.result(), f)));
    }

    private static Recommender.Result cut(Recommender.Result result, int first) {
        List<dev.custograph.recommend.Recommendation> all = result.recommendations();
        return first >= all.size() ? result
                : new Recommender.Result(result.customerId(), result.customerExists(), all.subList(0, first));
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

    /** A customer placed an order for these products: only its own recommendations and similar customers change. */
    /** Orders placed together: each customer's bought products, ranked again when next read. */
    void ordersPlaced(java.util.Map<String, ? extends Collection<String>> productsByCustomer) {
        service.ordersPlaced(productsByCustomer);
        recommendations.invalidateAll(productsByCustomer.keySet());
        similar.invalidateAll(productsByCustomer.keySet());
    }

    void orderPlaced(String customerId, Collection<String> productIds) {
        service.orderPlaced(customerId, productIds);
        recommendations.invalidate(customerId);
        similar.invalidate(customerId);
    }

    /** A customer's profile changed (e.g. its country, which picks its popularity group), or a customer was created. */
    void customersChanged(Collection<String> ids) {
        service.customersChanged(ids);
        recommendations.invalidateAll(ids);
        similar.invalidateAll(ids);
    }

    /** Customers were merged away, restored or erased: every list may name them. */
    void forgetCustomers(Collection<String> ids) {
        service.customersGone(ids);
        recommendations.invalidateAll();
        similar.invalidateAll(ids);
        similar.asMap().values().removeIf(list -> list.stream().anyMatch(s -> ids.contains(s.customerId())));
    }

    /** A rules run: the rules; the recommendations follow when the service's new snapshot is ranked. */
    void rulesWritten() {
        rules.invalidateAll();
        service.refreshSoon();
    }

    /** A similarity run replaced SIMILAR. */
    void similarityWritten() {
        similar.invalidateAll();
        service.refreshSoon();
    }

    /** A segmentation run: the popularity groups follow segments. */
    void segmentsWritten() {
        service.refreshSoon();
    }

    /** Anything else: everything, the service included, is read again. */
    void invalidateAll() {
        service.everythingChanged();
        recommendations.invalidateAll();
        similar.invalidateAll();
        rules.invalidateAll();
    }
}
