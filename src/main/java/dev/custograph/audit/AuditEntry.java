package dev.custograph.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One line of the audit log: who ({@code actor}, {@code role}) did what ({@code action}: read, upsert, merge,
 * unmerge, erase, export, ...) to which customers' personal data ({@code fields}), when, with a short detail (the
 * GraphQL operation, the merge id, ...).
 */
public record AuditEntry(String entryId, OffsetDateTime at, String actor, String role, String action,
                         List<String> customerIds, List<String> fields, String detail) {

    public static AuditEntry now(Actor actor, String action, List<String> customerIds, List<String> fields,
                                 String detail) {
        return new AuditEntry(UUID.randomUUID().toString(), OffsetDateTime.now(ZoneOffset.UTC), actor.name(),
                actor.role(), action, List.copyOf(customerIds), List.copyOf(fields), detail);
    }

    /** The entry as the parameters of {@code audit/record-entries.cypher}. */
    public Map<String, Object> row() {
        Map<String, Object> row = new HashMap<>();
        row.put("entryId", entryId);
        row.put("at", at);
        row.put("actor", actor);
        row.put("role", role);
        row.put("action", action);
        row.put("customerIds", customerIds);
        row.put("fields", fields);
        row.put("detail", detail);
        return row;
    }
}
