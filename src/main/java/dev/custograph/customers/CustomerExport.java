package dev.custograph.customers;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.custograph.audit.Actor;
import dev.custograph.audit.AuditEntry;
import dev.custograph.audit.AuditLog;
import dev.custograph.graph.Graph;
import dev.custograph.graph.Row;

/**
 * The right to data portability (GDPR art. 20): everything held on one customer as one JSON-ready document
 * (profile, identities, orders with lines, segment, merged-away profiles and the audit entries about it), with dates
 * as ISO text. Similar customers are left out: they are other people's data. The export is itself audited.
 */
public final class CustomerExport {

    private final Graph graph;
    private final AuditLog audit;

    public CustomerExport(Graph graph, AuditLog audit) {
        this.graph = graph;
        this.audit = audit;
    }

    /** The document, or empty when there is no such customer. */
    public Optional<Map<String, Object>> export(String customerId, Actor actor) {
        String id = CustomerProfiles.checkedId(customerId);
        List<Row> rows = graph.rows("customers/export-customer", Map.of("customerId", id));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        audit.record(AuditEntry.now(actor, "export", List.of(id), List.of("*"), "exportCustomer"));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("customerId", id);
        document.put("exportedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        rows.get(0).asMap().forEach((key, value) -> document.put(key, jsonReady(value)));
        document.put("auditLog", audit.entries(id, null, null, false, 1000).stream().map(entry -> {
            Map<String, Object> row = entry.row();
            row.put("at", entry.at().toString());
            return row;
        }).toList());
        return Optional.of(document);
    }

    /** Dates and times as ISO text, so the document serialises the same everywhere. */
    private static Object jsonReady(Object value) {
        if (value instanceof TemporalAccessor temporal) {
            return temporal.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new java.util.TreeMap<>();
            map.forEach((k, v) -> copy.put(k.toString(), jsonReady(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CustomerExport::jsonReady).toList();
        }
        return value;
    }
}
