package dev.custograph.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.custograph.graph.Graph;
import dev.custograph.graph.SharedChangeCounter;

/**
 * Which cached answers each write makes stale, decided from the Cypher file that ran and its parameters, so that a
 * write drops exactly what it changed and the rest of the caches stay warm:
 * <ul>
 *   <li>an order: that customer's totals, its orders, recommendations and similar customers, and the dashboard;</li>
 *   <li>a profile change: that customer and what is held for it;</li>
 *   <li>a merge, undo or erasure: those customers, every cached list that names them, and the purchases the
 *       recommender holds in memory;</li>
 *   <li>an analytics, churn, segmentation, rules or similarity run: the results of that kind;</li>
 *   <li>an audit entry: nothing;</li>
 *   <li>whole answers ({@link ResponseCache}): those showing the customer for an order or a profile change, all of
 *       them for anything else;</li>
 *   <li>anything else (imports, migrations): everything.</li>
 * </ul>
 * A statement this class does not know drops everything, so a new write is safe before it is tuned here.
 */
final class CacheInvalidation implements Graph.WriteListener {

    /** Write statements that change nothing any cache holds. */
    static final Set<String> CHANGE_NOTHING_CACHED = Set.of("meta/record-migration", "meta/demo-mark",
            SharedChangeCounter.BUMP);

    /**
     * Whether a write statement may change something a cache holds (audit entries, schema migrations and bookkeeping
     * do not).
     */
    static boolean changesCachedData(String statementName) {
        return !statementName.startsWith("audit/") && !statementName.startsWith("schema/")
                && !CHANGE_NOTHING_CACHED.contains(statementName);
    }

    private final EntityCache entities;
    private final AnalyticsCache analytics;
    private final RecommendationCache recommendations;
    private final ResponseCache responses;

    CacheInvalidation(EntityCache entities, AnalyticsCache analytics, RecommendationCache recommendations,
                      ResponseCache responses) {
        this.entities = entities;
        this.analytics = analytics;
        this.recommendations = recommendations;
        this.responses = responses;
    }

    @Override
    public void afterWrite(String statementName, Map<String, Object> parameters) {
        String folder = statementName.substring(0, Math.max(0, statementName.indexOf('/')));
        switch (statementName) {
            case "orders/place-order" -> orderPlaced(parameters);
            case "customers/upsert-customer" -> customerChanged((String) parameters.get("customerId"));
            case "identity/merge-customers" -> customersGone(List.of((String) parameters.get("survivorId"),
                    (String) parameters.get("mergedId")));
            case "identity/unmerge-customers" -> customersGone(List.of((String) parameters.get("survivorId")));
            // An erasure renames the customer's orders and lines too: rare enough to drop every entity and analytics
            // answer, so none keeps the erased id anywhere; recommendations forget the customer everywhere.
            case "customers/erase-customer" -> {
                responses.invalidateAll();
                entities.invalidateAll();
                analytics.invalidateAll();
                recommendations.forgetCustomers(List.of((String) parameters.get("customerId")));
            }
            default -> {
                switch (folder) {
                    case "audit", "cache" -> {
                    }
                    case "analytics" -> {
                        responses.invalidateAll();
                        analytics.valuesWritten();
                    }
                    case "churn" -> {
                        responses.invalidateAll();
                        analytics.churnWritten();
                    }
                    case "segment" -> {
                        responses.invalidateAll();
                        analytics.segmentsWritten();
                        recommendations.segmentsWritten();
                    }
                    case "rules" -> {
                        responses.invalidateAll();
                        analytics.rulesWritten();
                        recommendations.rulesWritten();
                    }
                    case "similarity" -> {
                        responses.invalidateAll();
                        recommendations.similarityWritten();
                    }
                    default -> {
                        if (!CHANGE_NOTHING_CACHED.contains(statementName)) {
                            everything();
                        }
                    }
                }
            }
        }
    }

    private void orderPlaced(Map<String, Object> parameters) {
        @SuppressWarnings("unchecked")
        Map<String, Object> order = (Map<String, Object>) parameters.get("order");
        String customerId = (String) order.get("customerId");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) order.get("lines");
        List<String> productIds = lines.stream().map(line -> (String) line.get("productId")).toList();
        responses.forgetCustomers(List.of(customerId));
        analytics.orderPlaced(customerId);
        entities.orderPlaced(customerId);
        recommendations.orderPlaced(customerId, productIds);
    }

    private void customerChanged(String customerId) {
        responses.forgetCustomers(List.of(customerId));
        entities.forgetCustomers(List.of(customerId));
        analytics.forgetCustomers(List.of(customerId));
        recommendations.customersChanged(List.of(customerId));
    }

    private void customersGone(List<String> ids) {
        // Every answer goes: a recommendation's reasons may name a merged customer without reading its fields.
        responses.invalidateAll();
        entities.forgetCustomers(ids);
        analytics.forgetCustomers(ids);
        recommendations.forgetCustomers(ids);
    }

    /** Empties every cache: what another instance's write may have changed is not known here. */
    void everything() {
        responses.invalidateAll();
        entities.invalidateAll();
        analytics.invalidateAll();
        recommendations.invalidateAll();
    }
}
