package dev.custograph.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.custograph.graph.Graph;
import dev.custograph.graph.Graph.Statement;
import dev.custograph.graph.Graph.WriteCounts;

/**
 * Writes a batch of order lines in one transaction: the categories, products and customers they name, then the
 * orders with their lines. A batch is all or nothing, so a process killed mid-import leaves whole batches; the
 * pipeline cuts batches only between orders, so (for files that keep an order's lines together, as exports do) an
 * order is never half written. Within a batch, a customer's later non-empty values win.
 */
final class LineBatchWriter {

    private final Graph graph;

    LineBatchWriter(Graph graph) {
        this.graph = graph;
    }

    LoadCounts write(List<LineRow> rows) {
        List<WriteCounts> counts = graph.writeTogether(statements(rows));
        WriteCounts total = counts.stream().reduce(WriteCounts.NONE, WriteCounts::plus);
        return new LoadCounts(counts.get(2).nodesCreated(), counts.get(1).nodesCreated(),
                counts.get(3).nodesCreated(), total);
    }

    /** The four statements that write a batch: categories, products, customers, orders with lines. */
    static List<Statement> statements(List<LineRow> rows) {
        Map<String, Map<String, Object>> categories = new LinkedHashMap<>();
        Map<String, Map<String, Object>> products = new LinkedHashMap<>();
        Map<String, Map<String, Object>> customers = new LinkedHashMap<>();
        Map<String, Map<String, Object>> orders = new LinkedHashMap<>();
        for (LineRow row : rows) {
            if (row.category() != null) {
                categories.computeIfAbsent(row.category(), name -> row("name", name));
            }
            products.computeIfAbsent(row.productId(), id -> row("productId", id, "name", row.productName(),
                    "category", row.category()));
            if (row.customerId() != null) {
                Map<String, Object> customer = customers.computeIfAbsent(row.customerId(),
                        id -> row("customerId", id, "properties", new HashMap<String, Object>()));
                @SuppressWarnings("unchecked")
                Map<String, Object> properties = (Map<String, Object>) customer.get("properties");
                properties.putAll(GraphLoader.withoutNulls("name", row.customerName(), "email", row.email(),
                        "phone", row.phone(), "country", row.customerCountry()));
            }
            Map<String, Object> order = orders.computeIfAbsent(row.orderId(), id -> row("orderId", id,
                    "customerId", row.customerId(),
                    "properties", GraphLoader.withoutNulls("orderDate", row.orderDate(),
                            "orderedAt", row.orderedAt(), "status", row.status(), "country", row.orderCountry()),
                    "lines", new ArrayList<Map<String, Object>>()));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> lines = (List<Map<String, Object>>) order.get("lines");
            lines.add(Map.of("lineId", row.lineId(), "productId", row.productId(), "quantity", row.quantity(),
                    "unitPrice", row.unitPrice(), "discount", row.discount()));
        }
        return List.of(
                new Statement("ingest/merge-categories", Map.of("rows", List.copyOf(categories.values()))),
                new Statement("ingest/merge-line-products", Map.of("rows", List.copyOf(products.values()))),
                new Statement("ingest/merge-customers", Map.of("rows", List.copyOf(customers.values()))),
                new Statement("ingest/merge-orders", Map.of("rows", List.copyOf(orders.values()))));
    }

    /** A parameter row from alternating keys and values; null values are kept (Cypher reads them as null). */
    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
