package dev.custograph.api;

import java.util.List;

import dev.custograph.graph.Graph;
import dev.custograph.graph.GraphChange;

/**
 * Which cached answers each write makes stale, from what the write announced it changed ({@link GraphChange}), so
 * that a write drops exactly what it changed and the rest of the caches stay warm:
 * <ul>
 *   <li>an order: that customer's totals, its orders, recommendations and similar customers, and the dashboard;</li>
 *   <li>a profile change: that customer and what is held for it;</li>
 *   <li>a merge, undo or erasure: those customers, every cached list that names them, and the purchases the
 *       recommender holds in memory;</li>
 *   <li>an analytics, churn, segmentation, rules or similarity run: the results of that kind;</li>
 *   <li>bookkeeping (audit entries, migrations, the shared change counter): nothing;</li>
 *   <li>whole answers ({@link ResponseCache}): those showing the customer for an order or a profile change, all of
 *       them for anything else;</li>
 *   <li>a write that announced nothing (imports, restores): everything.</li>
 * </ul>
 */
final class CacheInvalidation implements Graph.WriteListener {

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
    public void afterWrite(GraphChange change) {
        if (change instanceof GraphChange.OrderPlaced order) {
            orderPlaced(order.customerId(), order.productIds());
        } else if (change instanceof GraphChange.OrdersPlaced orders) {
            ordersPlaced(orders.orders());
        } else if (change instanceof GraphChange.CustomersChanged changed) {
            customersChanged(changed.customerIds());
        } else if (change instanceof GraphChange.CustomersMerged merged) {
            customersGone(merged.customerIds());
        } else if (change instanceof GraphChange.CustomerErased erased) {
            // An erasure renames the customer's orders and lines too: rare enough to drop every entity and analytics
            // answer, so none keeps the erased id anywhere; recommendations forget the customer everywhere.
            responses.invalidateAll();
            entities.invalidateAll();
            analytics.invalidateAll();
            recommendations.forgetCustomers(List.of(erased.customerId()));
        } else if (change instanceof GraphChange.RunWrote run) {
            responses.invalidateAll();
            switch (run.kind()) {
                case VALUE -> analytics.valuesWritten();
                case CHURN -> analytics.churnWritten();
                case SEGMENT -> {
                    analytics.segmentsWritten();
                    recommendations.segmentsWritten();
                }
                case RULES -> {
                    analytics.rulesWritten();
                    recommendations.rulesWritten();
                }
                case SIMILARITY -> recommendations.similarityWritten();
                case ACTIONS -> analytics.actionsWritten();
            }
        } else if (change.changesCachedData()) {
            everything();
        }
    }

    private void orderPlaced(String customerId, List<String> productIds) {
        responses.forgetCustomers(List.of(customerId));
        analytics.orderPlaced(customerId);
        entities.orderPlaced(customerId);
        recommendations.orderPlaced(customerId, productIds);
    }

    /** A batch: each kept answer is checked once against all its customers, not once per order. */
    private void ordersPlaced(List<GraphChange.OrderPlaced> orders) {
        java.util.Map<String, java.util.Set<String>> products = new java.util.LinkedHashMap<>();
        orders.forEach(order -> products.computeIfAbsent(order.customerId(), c -> new java.util.HashSet<>())
                .addAll(order.productIds()));
        responses.forgetCustomers(products.keySet());
        products.keySet().forEach(customerId -> {
            analytics.orderPlaced(customerId);
            entities.orderPlaced(customerId);
        });
        recommendations.ordersPlaced(products);
    }

    private void customersChanged(List<String> ids) {
        responses.forgetCustomers(ids);
        entities.forgetCustomers(ids);
        analytics.forgetCustomers(ids);
        recommendations.customersChanged(ids);
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
