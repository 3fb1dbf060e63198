package dev.custograph.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.custograph.graph.Graph;
import dev.custograph.graph.Graph.WriteCounts;
import dev.custograph.identity.CustomerRecord;
import dev.custograph.identity.IdentityResolver;
import dev.custograph.model.Category;
import dev.custograph.model.Customer;
import dev.custograph.model.Dataset;
import dev.custograph.model.Order;
import dev.custograph.model.OrderLine;
import dev.custograph.model.Product;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a validated {@link Dataset} into the graph in batches: categories, products, customers (through
 * {@link IdentityResolver}), then orders with their lines (each order in the same transaction as its lines). Every statement MERGEs on business keys, so
 * loading the same data twice changes nothing, and a batch the driver retries after a transient error cannot
 * duplicate anything.
 */
public final class GraphLoader {

    private static final Logger log = LoggerFactory.getLogger(GraphLoader.class);
    static final int BATCH_SIZE = 1000;
    static final int ORDER_BATCH_SIZE = 500;

    private final Graph graph;

    public GraphLoader(Graph graph) {
        this.graph = graph;
    }

    /** Loads {@code data}; {@code source} names where its customer ids come from (identity resolution). */
    LoadCounts load(String source, Dataset data) {
        WriteCounts categories = writeInBatches("ingest/merge-categories", "categories", data.categories(),
                BATCH_SIZE, GraphLoader::categoryRow);
        WriteCounts products = writeInBatches("ingest/merge-products", "products", data.products(), BATCH_SIZE,
                this::productRow);
        Map<String, String> customerIds = new HashMap<>();
        long created = 0;
        long merged = 0;
        WriteCounts customers = WriteCounts.NONE;
        for (int from = 0; from < data.customers().size(); from += BATCH_SIZE) {
            List<CustomerRecord> records = data.customers()
                    .subList(from, Math.min(data.customers().size(), from + BATCH_SIZE)).stream()
                    .map(c -> customerRecord(source, c)).toList();
            IdentityResolver.Outcome outcome = graph.inWriteTransaction(
                    tx -> IdentityResolver.resolveAndWrite(tx, records));
            records.forEach(r -> customerIds.put(r.externalId(), outcome.customerId(source, r.externalId())));
            created += outcome.customersCreated();
            merged += outcome.customersMerged();
            customers = customers.plus(outcome.total());
        }
        if (!data.customers().isEmpty()) {
            log.info("Wrote {} customers ({} merged into existing ones)", data.customers().size(), merged);
        }
        Map<String, List<Map<String, Object>>> linesByOrder = new HashMap<>();
        for (OrderLine line : data.lines()) {
            linesByOrder.computeIfAbsent(line.orderId(), id -> new ArrayList<>()).add(lineRow(line));
        }
        WriteCounts orders = writeInBatches("ingest/merge-orders", "orders", data.orders(), ORDER_BATCH_SIZE,
                order -> orderRow(source, order, customerIds.get(order.customerId()),
                        linesByOrder.getOrDefault(order.orderId(), List.of())));
        // Categories are written first, so merge-products creates product nodes only.
        return new LoadCounts(created, products.nodesCreated(), orders.nodesCreated(), merged,
                categories.plus(products).plus(customers).plus(orders));
    }

    private <T> WriteCounts writeInBatches(String statement, String what, List<T> items, int batchSize,
                                           Function<T, Map<String, Object>> toRow) {
        WriteCounts counts = WriteCounts.NONE;
        long lastReport = System.nanoTime();
        for (int from = 0; from < items.size(); from += batchSize) {
            List<T> batch = items.subList(from, Math.min(items.size(), from + batchSize));
            counts = counts.plus(graph.write(statement, Map.of("rows", batch.stream().map(toRow).toList())));
            if (System.nanoTime() - lastReport > 2_000_000_000L) {
                log.info("Writing {}: {} / {}", what, from + batch.size(), items.size());
                lastReport = System.nanoTime();
            }
        }
        if (!items.isEmpty()) {
            log.info("Wrote {} {}", items.size(), what);
        }
        return counts;
    }

    private static Map<String, Object> categoryRow(Category c) {
        Map<String, Object> row = new HashMap<>();
        row.put("name", c.name());
        row.put("description", c.description());
        return row;
    }

    private Map<String, Object> productRow(Product p) {
        Map<String, Object> row = new HashMap<>();
        row.put("productId", p.productId());
        row.put("category", p.category());
        row.put("properties", graph.names().withKey(new HashMap<>(withoutNulls("name", p.name(), "price",
                p.price()))));
        return row;
    }

    static CustomerRecord customerRecord(String source, Customer c) {
        return new CustomerRecord(source, c.customerId(), null, c.email(), c.phone(), withoutNulls(
                "name", c.name(), "contactName", c.contactName(), "email", c.email(), "phone", c.phone(),
                "address", c.address(), "city", c.city(), "postalCode", c.postalCode(), "region", c.region(),
                "country", c.country(), "registeredAt", c.registeredAt(), "birthDate", c.birthDate()));
    }

    private static Map<String, Object> orderRow(String source, Order o, String customerId,
                                                List<Map<String, Object>> lines) {
        Map<String, Object> row = new HashMap<>();
        row.put("orderId", o.orderId());
        row.put("customerId", customerId);
        row.put("properties", orderProperties(source, o));
        row.put("lines", lines);
        return row;
    }

    /** The values an order node takes from a data set's order. */
    static Map<String, Object> orderProperties(String source, Order o) {
        return withoutNulls("orderDate", o.orderDate(), "status", o.status(),
                "source", o.customerId() == null ? null : source, "sourceCustomerId", o.customerId());
    }

    private static Map<String, Object> lineRow(OrderLine l) {
        return Map.of("lineId", l.lineId(), "productId", l.productId(), "quantity", l.quantity(),
                "unitPrice", l.unitPrice(), "discount", l.discount());
    }

    /** A property map for {@code SET n += map}: absent values are left out so they do not erase stored ones. */
    static Map<String, Object> withoutNulls(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }
}
