package dev.custograph.identity;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.custograph.graph.Graph;
import dev.custograph.graph.NameOrder;
import dev.custograph.graph.GraphChange;
import dev.custograph.graph.Row;

/**
 * Merging two customers that are one person, and undoing it. A merge moves the merged customer's orders and
 * identities to the survivor, keeps the richer field values (the survivor's own values win; fields it lacks are
 * filled from the merged customer), and records everything in a {@code MERGED} log entry on the survivor, with the
 * merged customer kept whole as a {@code :MergedCustomer}. An undo restores the merged customer, its identities
 * and the orders placed through them (including orders imported after the merge), and clears the fields the merge
 * filled unless they were changed since. Merges undo in reverse order: a survivor that was itself merged away must be
 * brought back first.
 *
 * <p>Each operation runs in one transaction, reading and writing, so it happens whole or not at all.
 */
public final class CustomerMerges {

    /** What a merge did. */
    public record MergeResult(String mergeId, String survivorId, String mergedId, List<String> filledFields,
                              long identitiesMoved, long ordersMoved) {
    }

    /** What an undo did. */
    public record UnmergeResult(String mergeId, String survivorId, String restoredId, List<String> clearedFields,
                                long identitiesMoved, long ordersMoved) {
    }

    /** One entry of a customer's merge log. */
    public record LogEntry(String mergeId, String mergedId, OffsetDateTime at, String reason, String matchedOn,
                           String matchedValue, List<String> filledFields, List<IdentityKey> identities,
                           OffsetDateTime undoneAt) {
    }

    /** Bumped by every merge and undo in this process, so import memos forget identities that may have moved. */
    private static final java.util.concurrent.atomic.AtomicLong EPOCH = new java.util.concurrent.atomic.AtomicLong();

    private final Graph graph;

    static long epoch() {
        return EPOCH.get();
    }

    public CustomerMerges(Graph graph) {
        this.graph = graph;
    }

    /** Merges {@code mergedId} into {@code survivorId}; {@code reason} is kept in the log (e.g. who asked, why). */
    public MergeResult merge(String survivorId, String mergedId, String reason) {
        requireId(survivorId, "survivorId");
        requireId(mergedId, "mergedId");
        if (survivorId.equals(mergedId)) {
            throw new MergeFailedException("survivorId and mergedId are both '" + survivorId
                    + "': a customer cannot be merged into itself");
        }
        EPOCH.incrementAndGet();
        return graph.inWriteTransaction(tx -> {
            State survivor = state(tx, survivorId, "survivorId");
            State merged = state(tx, mergedId, "mergedId");
            Map<String, Object> properties = new HashMap<>(merged.properties());
            properties.putAll(survivor.properties());
            List<String> filled = new ArrayList<>();
            merged.properties().keySet().stream().filter(key -> !survivor.properties().containsKey(key)).sorted()
                    .forEach(filled::add);
            String mergeId = UUID.randomUUID().toString();
            Map<String, Object> log = new HashMap<>();
            log.put("mergeId", mergeId);
            log.put("at", OffsetDateTime.now());
            log.put("reason", reason == null || reason.isBlank() ? "manual" : reason);
            log.put("matchedOn", "manual");
            log.put("filledFields", filled);
            log.put("identitySources", merged.identities().stream().map(i -> i.string("source")).toList());
            log.put("identityExternalIds", merged.identities().stream().map(i -> i.string("externalId")).toList());
            log.put("identityPrimary", merged.identities().stream().map(i -> i.boolOrNull("primary")).toList());
            tx.write("identity/merge-customers", Map.of("survivorId", survivorId, "mergedId", mergedId,
                    "survivorProperties", tx.names().keyed(properties), "merge", log),
                    new GraphChange.CustomersMerged(List.of(survivorId, mergedId)));
            return new MergeResult(mergeId, survivorId, mergedId, NameOrder.fields(filled), merged.identities().size(),
                    merged.orders());
        });
    }

    /** Undoes the merge of {@code mergedId} into {@code survivorId} that is still in effect. */
    public UnmergeResult unmerge(String survivorId, String mergedId) {
        requireId(survivorId, "survivorId");
        requireId(mergedId, "mergedId");
        EPOCH.incrementAndGet();
        return graph.inWriteTransaction(tx -> {
            List<Row> rows = tx.readRows("identity/merge-to-undo",
                    Map.of("survivorId", survivorId, "mergedId", mergedId));
            if (rows.isEmpty()) {
                State survivor = stateOrNull(tx, survivorId);
                if (!survivor.live() && survivor.mergedInto() != null) {
                    throw new MergeFailedException("customer '" + survivorId + "' was itself merged into '"
                            + survivor.mergedInto() + "' since; undo that merge first");
                }
                throw new MergeFailedException("there is no merge of '" + mergedId + "' into '" + survivorId
                        + "' to undo");
            }
            Row row = rows.get(0);
            Map<String, Object> survivor = new HashMap<>(row.map("survivor"));
            Map<String, Object> merged = row.map("merged");
            List<String> cleared = new ArrayList<>();
            for (String field : row.strings("filledFields")) {
                if (Objects.equals(survivor.get(field), merged.get(field))) {
                    survivor.remove(field);
                    cleared.add(field);
                }
            }
            List<Object> sources = row.list("identitySources");
            List<Object> externalIds = row.list("identityExternalIds");
            List<Object> primary = row.list("identityPrimary");
            List<Map<String, Object>> identities = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                identities.add(Map.of("source", sources.get(i), "externalId", externalIds.get(i),
                        "primary", primary.get(i)));
            }
            String mergeId = row.string("mergeId");
            List<Row> moved = tx.writeRows("identity/unmerge-customers", Map.of(
                    "survivorId", survivorId, "mergeId", mergeId, "survivorProperties", tx.names().keyed(survivor),
                    "at", OffsetDateTime.now(), "identities", identities),
                    new GraphChange.CustomersMerged(List.of(survivorId, mergedId)));
            return new UnmergeResult(mergeId, survivorId, mergedId, NameOrder.fields(cleared), identities.size(),
                    moved.get(0).longValue("ordersMoved"));
        });
    }

    /** The merge log of a live customer, newest first; empty if it has none (or does not exist). */
    public List<LogEntry> log(String customerId) {
        List<LogEntry> entries = new ArrayList<>();
        for (Row row : graph.rows("identity/merge-log", Map.of("customerId", customerId))) {
            List<String> sources = row.strings("identitySources");
            List<String> externalIds = row.strings("identityExternalIds");
            List<IdentityKey> identities = new ArrayList<>();
            for (int i = 0; sources != null && i < sources.size(); i++) {
                identities.add(new IdentityKey(sources.get(i), externalIds.get(i)));
            }
            entries.add(new LogEntry(row.string("mergeId"), row.string("mergedId"),
                    row.time("at"), row.string("reason"), row.string("matchedOn"),
                    row.string("matchedValue"), row.strings("filledFields"), identities,
                    row.time("undoneAt")));
        }
        return entries;
    }

    /** A customer's state as customer-state reports it. */
    private record State(boolean live, Map<String, Object> properties, List<Row> identities,
                         long orders, String mergedInto) {
    }

    private static State state(Graph.Tx tx, String customerId, String argument) {
        State state = stateOrNull(tx, customerId);
        if (!state.live()) {
            throw new MergeFailedException(argument + " '" + customerId + "' "
                    + (state.mergedInto() != null ? "was already merged into '" + state.mergedInto() + "'"
                    : "is not a customer"));
        }
        return state;
    }

    private static State stateOrNull(Graph.Tx tx, String customerId) {
        Row row = tx.readRows("identity/customer-state", Map.of("customerId", customerId)).get(0);
        boolean live = Boolean.TRUE.equals(row.boolOrNull("live"));
        return new State(live,
                live ? row.map("properties") : Map.of(),
                live ? row.rows("identities") : List.of(),
                live ? row.longValue("orders") : 0, row.string("mergedInto"));
    }

    private static void requireId(String id, String argument) {
        if (id == null || id.isBlank()) {
            throw new MergeFailedException(argument + " is empty");
        }
    }
}
