package dev.custograph.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.custograph.graph.Graph;
import dev.custograph.graph.Graph.WriteCounts;
import dev.custograph.identity.CustomerRecord;
import dev.custograph.identity.IdentityResolver;

/**
 * Writes a batch of order lines in one transaction: the categories and products they name; the customers, through
 * identity resolution (a source id seen before, or a new record sharing an email or phone with another source's
 * customer, lands on the existing customer); then the orders with their lines. A batch is all or nothing, so a
 * process killed mid-import leaves whole batches; the pipeline cuts batches only between orders, so (for files that
 * keep an order's lines together, as exports do) an order is never half written. Within a batch, a customer's later
 * non-empty values win. Each order remembers the source and source customer id it came with, so an undone merge
 * can give it back to the right customer.
 */
final class LineBatchWriter {

    private final Graph graph;
    private final String source;
    private final IdentityResolver.Memo identities = new IdentityResolver.Memo();

    LineBatchWriter(Graph graph, String source) {
        this.graph = graph;
        this.source = source;
    }

    LoadCounts write(List<LineRow> rows) {
        Grouped batch = group(rows);
        IdentityResolver.Outcome[] outcome = new IdentityResolver.Outcome[1];
        LoadCounts counts = graph.inWriteTransaction(tx -> {
            IdentityResolver.Outcome customers = IdentityResolver.resolveAndWrite(tx, batch.customers(), identities);
            outcome[0] = customers;
            WriteCounts categories = tx.write("ingest/merge-categories", Map.of("rows", batch.categories()));
            WriteCounts products = tx.write("ingest/merge-line-products", Map.of("rows", batch.products()));
            List<Map<String, Object>> orders = new ArrayList<>();
            for (Map<String, Object> order : batch.orders()) {
                Map<String, Object> resolved = new HashMap<>(order);
                String externalId = (String) order.get("customerId");
                resolved.put("customerId", externalId == null ? null : customers.customerId(source, externalId));
                orders.add(resolved);
            }
            WriteCounts written = tx.write("ingest/merge-orders", Map.of("rows", orders));
            return new LoadCounts(customers.customersCreated(), products.nodesCreated(), written.nodesCreated(),
                    customers.customersMerged(), categories.plus(products).plus(customers.total()).plus(written));
        });
        identities.learn(outcome[0]);
        return counts;
    }

    /** A batch's rows grouped by what they write; orders still name customers by their source id. */
    private record Grouped(List<Map<String, Object>> categories, List<Map<String, Object>> products,
                           List<CustomerRecord> customers, List<Map<String, Object>> orders) {
    }

    private Grouped group(List<LineRow> rows) {
        Map<String, Map<String, Object>> categories = new LinkedHashMap<>();
        Map<String, Map<String, Object>> products = new LinkedHashMap<>();
        List<CustomerRecord> customers = new ArrayList<>();
        Map<String, Map<String, Object>> orders = new LinkedHashMap<>();
        for (LineRow row : rows) {
            if (row.category() != null) {
                categories.computeIfAbsent(row.category(), name -> row("name", name));
            }
            products.computeIfAbsent(row.productId(), id -> row("productId", id, "name", row.productName(),
                    "nameKey", graph.names().key(row.productName()), "category", row.category()));
            if (row.customerId() != null) {
                CustomerRecord customer = new CustomerRecord(source, row.customerId(), null, row.email(),
                        row.phone(), GraphLoader.withoutNulls("name", row.customerName(), "email", row.email(),
                                "emailRaw", row.emailRaw(), "phone", row.phone(), "phoneRaw", row.phoneRaw(),
                                "country", row.customerCountry()));
                // An order's lines repeat its customer's profile: keep one copy of each run of equal records.
                if (customers.isEmpty() || !customers.get(customers.size() - 1).equals(customer)) {
                    customers.add(customer);
                }
            }
            Map<String, Object> order = orders.computeIfAbsent(row.orderId(), id -> row("orderId", id,
                    "customerId", row.customerId(),
                    "properties", GraphLoader.withoutNulls("orderDate", row.orderDate(),
                            "orderedAt", row.orderedAt(), "status", row.status(), "country", row.orderCountry(),
                            "source", row.customerId() == null ? null : source,
                            "sourceCustomerId", row.customerId()),
                    "lines", new ArrayList<Map<String, Object>>()));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> lines = (List<Map<String, Object>>) order.get("lines");
            lines.add(Map.of("lineId", row.lineId(), "productId", row.productId(), "quantity", row.quantity(),
                    "unitPrice", row.unitPrice(), "discount", row.discount()));
        }
        return new Grouped(List.copyOf(categories.values()), List.copyOf(products.values()), customers,
                List.copyOf(orders.values()));
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
