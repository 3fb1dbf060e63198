package dev.custograph.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.custograph.graph.EntityReads.Keyed;
import dev.custograph.graph.EntityReads.Page;
import dev.custograph.model.ActionCount;
import dev.custograph.model.NextBestActionSnapshot;
import org.neo4j.driver.Value;

/** Reads of the next best actions the latest actions run left on customers. */
public final class ActionReads {

    private final Graph graph;

    public ActionReads(Graph graph) {
        this.graph = graph;
    }

    /** Each customer's next best action, for those that have one. */
    public Map<String, NextBestActionSnapshot> nextBestActions(Collection<String> ids) {
        Map<String, NextBestActionSnapshot> found = new HashMap<>();
        graph.read("read/customer-next-best-actions", Map.of("ids", List.copyOf(ids)), r -> {
            Value at = r.get("decidedAt");
            return new NextBestActionSnapshot(r.get("customerId").asString(), r.get("action").asString(),
                    r.get("label").asString(), r.get("expectedValue").asDouble(), r.get("uplift").asDouble(),
                    r.get("baseline").asDouble(), r.get("reasons").asList(Value::asString),
                    r.get("productId").asString(null), r.get("runId").asString(),
                    at.isNull() ? null : at.asZonedDateTime().toOffsetDateTime());
        }).forEach(a -> found.put(a.customerId(), a));
        return found;
    }

    /**
     * Customer ids by expected value, highest first, after the customer with ({@code cursorValue}, {@code cursorId})
     * (both null for the first page) or, {@code backward}, before it, nearest first (both null: the last page);
     * {@code action} null for every action.
     */
    public Page<String> page(String action, Double cursorValue, String cursorId, boolean backward, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("action", action);
        params.put(backward ? "beforeValue" : "afterValue", cursorValue);
        params.put(backward ? "beforeId" : "afterId", cursorId);
        params.put("limit", limit + 1);
        String statement = backward ? "read/next-best-actions-page-before" : "read/next-best-actions-page";
        List<Keyed<String>> rows = new ArrayList<>(graph.read(statement, params, r -> {
            String id = r.get("customerId").asString();
            return new Keyed<>(id, Double.toString(r.get("expectedValue").asDouble()), id);
        }));
        boolean hasMore = rows.size() > limit;
        return new Page<>(hasMore ? rows.subList(0, limit) : rows, hasMore);
    }

    public long count(String action) {
        Map<String, Object> params = new HashMap<>();
        params.put("action", action);
        return graph.readLong("read/next-best-actions-count", params);
    }

    /** Customers per action, most first; empty before the first actions run. */
    public List<ActionCount> counts() {
        return graph.read("read/next-best-action-counts", Map.of(), r -> new ActionCount(r.get("action").asString(),
                r.get("label").asString(), r.get("customers").asLong(), r.get("expectedValue").asDouble(),
                r.get("uplift").asDouble()));
    }
}
