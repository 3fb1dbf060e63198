package dev.custograph.customers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import dev.custograph.audit.Actor;
import dev.custograph.audit.AuditEntry;
import dev.custograph.audit.AuditLog;
import dev.custograph.graph.Graph;

/**
 * The right to erasure (GDPR art. 17): removes a customer's personal data from the graph, and keeps what aggregates
 * need, anonymised. The customer node stays, so revenue, order counts, segment sizes and rules are unchanged, but
 * under a random id and with only its country and analytics figures; its identities, merged-away profiles and
 * SIMILAR relationships are deleted, and its orders lose the source's customer id (cypher/customers/erase-customer).
 * The audit entry of the erasure keeps the erased id, as the record that the request was carried out. The API's
 * caches drop everything that held the customer when the write commits.
 */
public final class CustomerErasure {

    /** The properties an erased customer keeps: not personal on their own, and what aggregates are computed from. */
    static final Set<String> KEPT = Set.of("country", "recencyDays", "frequency", "monetary", "tenureDays",
            "avgOrderValue", "rfmR", "rfmF", "rfmM", "rfmScore", "rfmSegment", "pAlive", "expectedPurchases",
            "expectedAvgSpend", "clv", "chaf", "purchaseDays", "firstPurchase", "lastPurchase", "valueRunId",
            "valueAsOf", "churnProbability", "churnRunId", "churnAsOf", "churnHorizonDays");

    /** What an erasure did. */
    public record Erased(String customerId, String pseudonym, List<String> removedFields, long ordersKept) {
    }

    private final Graph graph;

    public CustomerErasure(Graph graph) {
        this.graph = graph;
    }

    public Erased erase(String customerId, String reason, Actor actor) {
        String id = CustomerProfiles.checkedId(customerId);
        return graph.inWriteTransaction(tx -> {
            Map<String, Object> state = tx.readRows("customers/customer-for-change", Map.of("customerId", id)).get(0);
            if (!Boolean.TRUE.equals(state.get("live"))) {
                throw new CustomerChangeRejectedException("id: no customer with id " + id
                        + (state.get("mergedInto") == null ? "" : " (it was merged into " + state.get("mergedInto")
                        + "; erase that customer)"));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) state.get("properties");
            Map<String, Object> kept = new HashMap<>();
            List<String> removed = List.copyOf(new TreeSet<>(properties.keySet().stream()
                    .filter(key -> !KEPT.contains(key) && !key.equals("customerId")).toList()));
            properties.forEach((key, value) -> {
                if (KEPT.contains(key)) {
                    kept.put(key, value);
                }
            });
            kept.put("erasedAt", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
            String pseudonym = "erased-" + UUID.randomUUID();
            long orders = (Long) tx.writeRows("customers/erase-customer", Map.of("customerId", id, "pseudonym",
                    pseudonym, "kept", kept)).get(0).get("ordersKept");
            Graph.Statement audit = AuditLog.statement(List.of(AuditEntry.now(actor, "erase", List.of(id), removed,
                    reason == null || reason.isBlank() ? "eraseCustomer" : "eraseCustomer: " + reason)));
            tx.write(audit.name(), audit.parameters());
            return new Erased(id, pseudonym, removed, orders);
        });
    }
}
