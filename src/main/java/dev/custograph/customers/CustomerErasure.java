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
import dev.custograph.graph.NameOrder;
import dev.custograph.graph.GraphChange;
import dev.custograph.graph.Row;

/**
 * The right to erasure (GDPR art. 17): removes a customer's personal data from the graph, and keeps what aggregates
 * need, anonymised. The customer node stays, so revenue, order counts, segment sizes and rules are unchanged, but
 * under a random id and with only its country and analytics figures; its identities, merged-away profiles and
 * SIMILAR relationships are deleted, and its orders lose the source's customer id and the caller's idempotency key;
 * order and line ids built from the customer's id are renamed with the pseudonym (cypher/customers/erase-customer).
 * Afterwards nothing in the graph holds or encodes the erased id: the audit log keeps that the erasure happened,
 * who asked, the reason and the pseudonym, and its earlier entries about the customer name the pseudonym, without
 * the client's operation name. The API's caches drop everything that held the customer when the write commits.
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
            Row state = tx.readRows("customers/customer-for-change", Map.of("customerId", id)).get(0);
            if (!Boolean.TRUE.equals(state.boolOrNull("live"))) {
                throw new CustomerChangeRejectedException("id: no customer with id " + id
                        + (state.isNull("mergedInto") ? "" : " (it was merged into " + state.string("mergedInto")
                        + "; erase that customer)"));
            }
            Map<String, Object> properties = state.map("properties");
            Map<String, Object> kept = new HashMap<>();
            List<String> removed = NameOrder.fields(new TreeSet<>(properties.keySet().stream()
                    .filter(key -> !KEPT.contains(key) && !key.equals("customerId")).toList()));
            properties.forEach((key, value) -> {
                if (KEPT.contains(key)) {
                    kept.put(key, value);
                }
            });
            kept.put("erasedAt", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
            String pseudonym = "erased-" + UUID.randomUUID();
            Map<String, Object> renames = renames(tx.readRows("customers/derived-ids", Map.of("customerId", id)), id,
                    pseudonym);
            long orders = tx.writeRows("customers/erase-customer", Map.of("customerId", id, "pseudonym",
                    pseudonym, "kept", kept, "renames", renames), new GraphChange.CustomerErased(id)).get(0)
                    .longValue("ordersKept");
            String why = reason == null || reason.isBlank() ? "eraseCustomer"
                    : "eraseCustomer: " + pseudonymised(reason.strip(), id, pseudonym);
            Graph.Statement audit = AuditLog.statement(List.of(AuditEntry.now(actor, "erase", List.of(pseudonym),
                    removed, why)));
            tx.write(audit.name(), audit.parameters(), audit.change());
            return new Erased(id, pseudonym, removed, orders);
        });
    }

    /** The order and line ids that hold the customer's id, each with the pseudonym in its place. */
    private static Map<String, Object> renames(List<Row> rows, String id, String pseudonym) {
        List<Map<String, String>> orders = new java.util.ArrayList<>();
        List<Map<String, String>> lines = new java.util.ArrayList<>();
        for (Row row : rows) {
            String orderId = row.string("orderId");
            String renamed = pseudonymised(orderId, id, pseudonym);
            if (!renamed.equals(orderId)) {
                orders.add(Map.of("from", orderId, "to", renamed));
            }
            List<String> lineIds = row.strings("lineIds");
            for (String lineId : lineIds) {
                String renamedLine = pseudonymised(lineId, id, pseudonym);
                if (!renamedLine.equals(lineId)) {
                    lines.add(Map.of("from", lineId, "to", renamedLine));
                }
            }
        }
        return Map.of("orders", orders, "lines", lines);
    }

    /**
     * {@code text} with every occurrence of the id standing on its own (not inside a longer word or number: the
     * id 7 is in CDNOW-7-1997-01-01-1, not in 1997) replaced by the pseudonym.
     */
    static String pseudonymised(String text, String id, String pseudonym) {
        if (text == null) {
            return null;
        }
        java.util.regex.Pattern own = java.util.regex.Pattern.compile("(?<![\\p{Alnum}])"
                + java.util.regex.Pattern.quote(id) + "(?![\\p{Alnum}])");
        return own.matcher(text).replaceAll(java.util.regex.Matcher.quoteReplacement(pseudonym));
    }
}
