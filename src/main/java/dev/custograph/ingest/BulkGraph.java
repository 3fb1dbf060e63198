package dev.custograph.ingest;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import dev.custograph.graph.BulkStore;
import dev.custograph.graph.Graph.WriteCounts;
import dev.custograph.graph.NameOrder;
import dev.custograph.identity.CustomerRecord;

/**
 * The graph an import builds in an empty store, assembled in memory batch by batch and then written in one go by
 * {@link BulkStore}. Each batch is applied with exactly the rules the transactional path's statements apply to it
 * ({@code ingest/merge-*.cypher}, and identity resolution for records of one source arriving in a store that holds
 * no other customer), so both paths build the same graph from the same input; {@code BulkImportIT} checks this
 * node for node. In short:
 * <ul>
 *   <li>a customer's later non-empty values win; its identity keeps the email and phone of the last batch it was in;
 *   <li>a product keeps the first name it was given; from order lines it joins every category a batch names for it,
 *       from a data set (Northwind, the demo) its properties are overwritten and it moves to the category last given;
 *   <li>an order takes the values of its first line in each batch, later batches overwriting; a new order's lines
 *       are all created, lines arriving for an order an earlier batch created are merged on (line id, product);
 *       its total is the rounded sum of its lines.
 * </ul>
 * Memory holds one entry per category, product, customer and order; the order lines go to a work file
 * ({@link OrderLineSpill}) and are read back when the store is written. Millions of orders repeat a few
 * values (a status, a country, a day, their customer's id): each is held once (see {@link #pooled}), so 10M order
 * lines fit in a 2 GB heap.
 */
final class BulkGraph implements AutoCloseable {

    private final String source;
    private final BulkStore.Writer store;
    private final OrderLineSpill lines;
    private int batch;

    private final Map<String, CategoryNode> categories = new LinkedHashMap<>();
    private final Map<String, ProductNode> products = new LinkedHashMap<>();
    private final List<ProductNode> productsByIndex = new ArrayList<>();
    private final Map<String, CustomerNode> customers = new LinkedHashMap<>();
    private final Map<String, OrderNode> orders = new HashMap<>();
    private final List<OrderNode> ordersByIndex = new ArrayList<>();
    private final List<Object[]> extraNodes = new ArrayList<>();
    /** Orders that a later batch added lines to: their lines are merged when the store is written. */
    private final BitSet revisited = new BitSet();
    /** One instance of each repeated value; bounded, so a field with a value per row costs one map, not the heap. */
    private final Map<Object, Object> pool = new HashMap<>();
    private static final int POOL_LIMIT = 100_000;
    /** The order and customer fields whose values repeat across rows. */
    private static final java.util.Set<String> POOLED_FIELDS = java.util.Set.of("status", "country", "source",
            "orderDate");

    private static final class CategoryNode {
        String description;
    }

    private static final class ProductNode {
        final int index;
        final String productId;
        final Map<String, Object> properties = new LinkedHashMap<>();
        final List<String> categories = new ArrayList<>(1);

        ProductNode(int index, String productId) {
            this.index = index;
            this.productId = productId;
        }
    }

    private static final class CustomerNode {
        /** Its id, the same instance as its key in {@code customers}, so its orders can share it. */
        final String customerId;
        /** Key, value, ... as {@code SET c += properties} leaves them. */
        Object[] properties = new Object[0];
        String email;
        String phone;
        /** Its node id once the store is written; its identity's is the next one. */
        long nodeId;

        CustomerNode(String customerId) {
            this.customerId = customerId;
        }
    }

    private static final class OrderNode {
        final int index;
        final String orderId;
        Object[] properties = new Object[0];
        /** The customers that PLACED it: one, except when batches disagree about an order's customer. */
        Object placedBy;
        /** The sum of its lines' amounts in ten-thousandths (see merge-orders.cypher). */
        long units;
        /** Why its total is extreme for its customer, or null (see anomalyFences). */
        String anomalyReason;

        OrderNode(int index, String orderId) {
            this.index = index;
            this.orderId = orderId;
        }

        /** Its total as merge-orders.cypher stores it: the sum of its lines, rounded to cents. */
        double total() {
            return StatementArithmetic.round2(units / 10000.0);
        }

        boolean completed() {
            for (int i = 0; i < properties.length; i += 2) {
                if (properties[i].equals("status")) {
                    return "completed".equals(properties[i + 1]);
                }
            }
            return false;
        }
    }

    /** One order of a batch: the values of its first line there, its customer's id (null: anonymous) and lines. */
    record BatchOrder(String orderId, String customerId, Map<String, Object> properties, List<Line> lines) {
    }

    /** An order line, as the CONTAINS relationship stores it. */
    record Line(String lineId, String productId, long quantity, double unitPrice, double discount) {
        /** The amount in whole ten-thousandths, as merge-orders.cypher adds it up (exactly, in any order). */
        long units() {
            return StatementArithmetic.tenThousandths(unitPrice, quantity, discount);
        }
    }

    /** Builds the graph of customers from {@code source}; order lines wait in {@code store}'s work directory. */
    private final NameOrder names = NameOrder.of(NameOrder.DEFAULT_COLLATION, "collation");

    BulkGraph(String source, BulkStore.Writer store) {
        this.source = source;
        this.store = store;
        this.lines = new OrderLineSpill(store.workDir());
    }

    /** A batch of order lines, as {@code LineBatchWriter} writes it in one transaction. */
    LoadCounts addLines(List<LineRow> rows) {
        Counter count = new Counter();
        Map<String, LineRow> firstRowOfProduct = new LinkedHashMap<>();
        List<CustomerRecord> customerRecords = new ArrayList<>();
        Map<String, BatchOrder> batchOrders = new LinkedHashMap<>();
        for (LineRow row : rows) {
            if (row.category() != null && !categories.containsKey(row.category())) {
                categories.put(row.category(), new CategoryNode());
                count.nodes++;
            }
            firstRowOfProduct.putIfAbsent(row.productId(), row);
            if (row.customerId() != null) {
                customerRecords.add(new CustomerRecord(source, row.customerId(), null, row.email(), row.phone(),
                        GraphLoader.withoutNulls("name", row.customerName(), "email", row.email(),
                                "emailRaw", row.emailRaw(), "phone", row.phone(), "phoneRaw", row.phoneRaw(),
                                "country", row.customerCountry())));
            }
            batchOrders.computeIfAbsent(row.orderId(), id -> new BatchOrder(id, row.customerId(),
                    GraphLoader.withoutNulls("orderDate", row.orderDate(), "orderedAt", row.orderedAt(),
                            "status", row.status(), "country", row.orderCountry(),
                            "source", row.customerId() == null ? null : source,
                            "sourceCustomerId", row.customerId()), new ArrayList<>()))
                    .lines().add(new Line(row.lineId(), row.productId(), row.quantity(), row.unitPrice(),
                            row.discount()));
        }
        count.customers = customers(customerRecords, count);
        for (LineRow first : firstRowOfProduct.values()) {
            ProductNode product = products.get(first.productId());
            if (product == null) {
                product = newProduct(first.productId());
                count.products++;
                count.nodes++;
            }
            if (!product.properties.containsKey("name") && first.productName() != null) {
                product.properties.put("name", first.productName());
            }
            if (first.category() != null && !product.categories.contains(first.category())) {
                product.categories.add(first.category());
                count.relationships++;
            }
        }
        batch++;
        count.orders = orders(batchOrders.values(), count);
        return count.toLoadCounts();
    }

    /** Categories of a data set: created by name; a description given replaces the stored one. */
    LoadCounts addCategories(List<dev.custograph.model.Category> batch) {
        Counter count = new Counter();
        for (dev.custograph.model.Category c : batch) {
            CategoryNode node = categories.get(c.name());
            if (node == null) {
                node = new CategoryNode();
                categories.put(c.name(), node);
                count.nodes++;
            }
            if (c.description() != null) {
                node.description = c.description();
            }
        }
        return count.toLoadCounts();
    }

    /** Products of a data set: values overwritten, moved to the category given (none if it names none). */
    LoadCounts addProducts(List<dev.custograph.model.Product> batch) {
        Counter count = new Counter();
        for (dev.custograph.model.Product p : batch) {
            ProductNode product = products.get(p.productId());
            if (product == null) {
                product = newProduct(p.productId());
                count.products++;
                count.nodes++;
            }
            product.properties.putAll(GraphLoader.withoutNulls("name", p.name(), "price", p.price()));
            if (p.category() == null || !product.categories.equals(List.of(p.category()))) {
                count.relationshipsDeleted += product.categories.size() - (product.categories.contains(p.category())
                        ? 1 : 0);
                product.categories.removeIf(name -> !name.equals(p.category()));
            }
            if (p.category() != null && product.categories.isEmpty()) {
                if (!categories.containsKey(p.category())) {
                    categories.put(p.category(), new CategoryNode());
                    // The statement MERGEs the category: the server counts it among the products' nodes.
                    count.products++;
                    count.nodes++;
                }
                product.categories.add(p.category());
                count.relationships++;
            }
        }
        return count.toLoadCounts();
    }

    /** Customers of a data set, one batch; returns the counts. */
    LoadCounts addCustomers(List<CustomerRecord> batch) {
        Counter count = new Counter();
        count.customers = customers(batch, count);
        return count.toLoadCounts();
    }

    /** Orders of a data set with their lines, one batch. */
    LoadCounts addOrders(List<BatchOrder> batch) {
        Counter count = new Counter();
        this.batch++;
        count.orders = orders(batch, count);
        return count.toLoadCounts();
    }

    /** A node outside the customer graph written with it (the demo's own marker), properties as key, value, .... */
    void addNode(String label, Object... properties) {
        Object[] node = new Object[properties.length + 1];
        node[0] = label;
        System.arraycopy(properties, 0, node, 1, properties.length);
        extraNodes.add(node);
    }

    boolean hasCustomer(String customerId) {
        return customers.containsKey(customerId);
    }

    private ProductNode newProduct(String productId) {
        ProductNode product = new ProductNode(productsByIndex.size(), productId);
        products.put(productId, product);
        productsByIndex.add(product);
        return product;
    }

    /**
     * Identity resolution for one batch of one source's records in a store holding no other source: records with the
     * same id combine (later non-empty values win), a new id creates its customer and primary identity, a known one
     * overwrites its customer's values and gives its identity the batch's email and phone.
     */
    private long customers(List<CustomerRecord> records, Counter count) {
        Map<String, CustomerRecord> combined = new LinkedHashMap<>();
        for (CustomerRecord r : records) {
            combined.merge(r.externalId(), r, (earlier, later) -> {
                Map<String, Object> properties = new HashMap<>(earlier.properties());
                properties.putAll(later.properties());
                return new CustomerRecord(later.source(), later.externalId(), null,
                        later.email() != null ? later.email() : earlier.email(),
                        later.phone() != null ? later.phone() : earlier.phone(), properties);
            });
        }
        long created = 0;
        for (CustomerRecord r : combined.values()) {
            CustomerNode customer = customers.get(r.externalId());
            if (customer == null) {
                customer = new CustomerNode(r.externalId());
                customers.put(r.externalId(), customer);
                created++;
                count.nodes += 2;
                count.relationships++;
            }
            customer.properties = withValues(customer.properties, r.properties());
            customer.email = r.email();
            customer.phone = r.phone();
        }
        return created;
    }

    /** merge-orders.cypher for one batch. */
    private long orders(Iterable<BatchOrder> batchOrders, Counter count) {
        long created = 0;
        for (BatchOrder row : batchOrders) {
            OrderNode order = orders.get(row.orderId());
            boolean isNew = order == null;
            if (isNew) {
                order = new OrderNode(ordersByIndex.size(), row.orderId());
                orders.put(row.orderId(), order);
                ordersByIndex.add(order);
                created++;
                count.nodes++;
            } else {
                revisited.set(order.index);
            }
            order.properties = withValues(order.properties, row.properties());
            CustomerNode placer = row.customerId() == null ? null : customers.get(row.customerId());
            if (placer != null) {
                sharePlacerId(order.properties, placer.customerId);
            }
            if (placer != null && placedBy(order, placer.customerId)) {
                count.relationships++;
            }
            long units = 0;
            for (Line line : row.lines()) {
                ProductNode product = products.get(line.productId());
                if (product == null) {
                    continue; // MATCH finds no product: the statement writes no line (the loaders prevent this)
                }
                if (isNew) {
                    count.relationships++;
                    units += line.units();
                }
                lines.add(order.index, product.index, batch, line);
            }
            if (isNew) {
                order.units = units;
            }
        }
        return created;
    }

    /** Adds a PLACED from {@code customerId} unless there is one; true if added. */
    private static boolean placedBy(OrderNode order, String customerId) {
        if (order.placedBy == null) {
            order.placedBy = customerId;
            return true;
        }
        if (order.placedBy instanceof String one) {
            if (one.equals(customerId)) {
                return false;
            }
            order.placedBy = new ArrayList<>(List.of(one, customerId));
            return true;
        }
        @SuppressWarnings("unchecked")
        List<String> several = (List<String>) order.placedBy;
        if (several.contains(customerId)) {
            return false;
        }
        several.add(customerId);
        return true;
    }

    /** {@code value} itself, or the equal instance held already when its field's values repeat. */
    private Object pooled(String field, Object value) {
        if (value == null || !POOLED_FIELDS.contains(field)) {
            return value;
        }
        Object held = pool.get(value);
        if (held != null) {
            return held;
        }
        if (pool.size() < POOL_LIMIT) {
            pool.put(value, value);
        }
        return value;
    }

    /** Makes an order's sourceCustomerId the customer's own id instance instead of a copy read from its row. */
    private static void sharePlacerId(Object[] properties, String customerId) {
        for (int i = 0; i < properties.length; i += 2) {
            if (properties[i].equals("sourceCustomerId") && customerId.equals(properties[i + 1])) {
                properties[i + 1] = customerId;
            }
        }
    }

    /** {@code SET n += properties} on a compact key, value, ... array; repeated values are pooled. */
    private Object[] withValues(Object[] stored, Map<String, Object> properties) {
        Object[] result = stored;
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            int at = -1;
            for (int i = 0; i < result.length; i += 2) {
                if (result[i].equals(e.getKey())) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                result = java.util.Arrays.copyOf(result, result.length + 2);
                at = result.length - 2;
                result[at] = e.getKey();
            }
            result[at + 1] = pooled(e.getKey(), e.getValue());
        }
        return result;
    }

    /**
     * Settles the orders that later batches added lines to (merging those lines on line id and product, as the
     * statement does) and every order's total.
     *
     * <p>Returns the relationships the merges created.
     */
    private Settled settle() {
        Map<Integer, List<Object[]>> merged = new HashMap<>();
        BitSet replaced = new BitSet();
        long created = 0;
        if (!revisited.isEmpty()) {
            Map<Integer, Integer> firstBatch = new HashMap<>();
            long position = 0;
            try (OrderLineSpill.Reader reader = lines.reader()) {
                for (Object[] entry = reader.next(); entry != null; entry = reader.next(), position++) {
                    int order = (int) entry[0];
                    if (!revisited.get(order)) {
                        continue;
                    }
                    int batchOfLine = (int) entry[2];
                    int createdIn = firstBatch.computeIfAbsent(order, o -> batchOfLine);
                    List<Object[]> kept = merged.computeIfAbsent(order, o -> new ArrayList<>());
                    replaced.set((int) position);
                    if (batchOfLine == createdIn) {
                        kept.add(entry);
                        continue;
                    }
                    boolean matched = false;
                    for (Object[] existing : kept) {
                        if (existing[1].equals(entry[1]) && existing[3].equals(entry[3])) {
                            existing[4] = entry[4];
                            existing[5] = entry[5];
                            existing[6] = entry[6];
                            matched = true;
                        }
                    }
                    if (!matched) {
                        kept.add(entry);
                        created++;
                    }
                }
            }
            for (Map.Entry<Integer, List<Object[]>> e : merged.entrySet()) {
                long units = 0;
                for (Object[] line : e.getValue()) {
                    units += StatementArithmetic.tenThousandths((double) line[5], (long) line[4], (double) line[6]);
                }
                ordersByIndex.get(e.getKey()).units = units;
            }
        }
        return new Settled(merged, replaced, created);
    }

    private record Settled(Map<Integer, List<Object[]>> merged, BitSet replaced, long created) {
    }

    /** Sets the anomaly flags and writes the graph into the empty store. */
    Written write() {
        Settled settled = settle();
        long[] flagged = {0};
        double[] fences = anomalyFences(settled, flagged);
        // Node ids: categories, products, customers and their identities (two each), orders, then the rest.
        long productBase = categories.size();
        long customerBase = productBase + products.size();
        long orderBase = customerBase + 2L * customers.size();
        long extraBase = orderBase + ordersByIndex.size();
        Map<String, Long> categoryIds = new HashMap<>();
        long id = 0;
        for (String category : categories.keySet()) {
            categoryIds.put(category, id++);
        }
        id = customerBase;
        for (CustomerNode customer : customers.values()) {
            customer.nodeId = id;
            id += 2;
        }
        // The store is new: its names are keyed with the default collation, which serve may change at start.
        addNode("CustographSetting", "key", "name-collation", "value", names.collation());
        List<BulkStore.Node> extras = new ArrayList<>();
        for (Object[] node : extraNodes) {
            extras.add(new BulkStore.Node(extraBase + extras.size(), (String) node[0],
                    java.util.Arrays.copyOfRange(node, 1, node.length)));
        }
        long nodeProperties = 0;
        for (Iterator<BulkStore.Node> nodes = fixedNodes(productBase); nodes.hasNext(); ) {
            nodeProperties += nodes.next().properties().length / 2;
        }
        long fixedRelationships = customers.size();
        for (ProductNode p : productsByIndex) {
            fixedRelationships += p.categories.size();
        }
        for (OrderNode o : ordersByIndex) {
            fixedRelationships += placedByList(o).size();
        }
        long lineRelationships = lines.count() - settled.replaced().cardinality()
                + settled.merged().values().stream().mapToLong(List::size).sum();
        BulkStore.Estimates estimates = new BulkStore.Estimates(extraBase + extras.size(),
                fixedRelationships + lineRelationships, nodeProperties + 8L * ordersByIndex.size(),
                lineRelationships * 4);
        store.write(
                () -> concat(fixedNodes(productBase), orderNodes(orderBase), extras.iterator()),
                () -> concat(fixedRelationships(productBase, orderBase, categoryIds),
                        lineRelationships(orderBase, productBase, settled, fences)),
                estimates);
        return new Written(settled.created(), flagged[0]);
    }

    /** Categories, products, customers and identities, made one at a time as the engine reads them. */
    private Iterator<BulkStore.Node> fixedNodes(long productBase) {
        long[] id = {0};
        Iterator<BulkStore.Node> categoryNodes = categories.entrySet().stream().map(e -> new BulkStore.Node(id[0]++,
                "Category", "name", e.getKey(), "description", e.getValue().description)).iterator();
        Iterator<BulkStore.Node> productNodes = productsByIndex.stream().map(p -> new BulkStore.Node(
                productBase + p.index, "Product", named(withKey("productId", p.productId, p.properties)))).iterator();
        Iterator<BulkStore.Node> customerNodes = customers.values().stream().flatMap(c -> java.util.stream.Stream.of(
                new BulkStore.Node(c.nodeId, "Customer", named(withKey("customerId", c.customerId, c.properties))),
                new BulkStore.Node(c.nodeId + 1, "Identity", "source", source, "externalId", c.customerId,
                        "email", c.email, "phone", c.phone))).iterator();
        return concat(categoryNodes, productNodes, customerNodes);
    }

    /** IN_CATEGORY, IDENTIFIES and PLACED, made one at a time as the engine reads them. */
    private Iterator<BulkStore.Relationship> fixedRelationships(long productBase, long orderBase,
                                                                Map<String, Long> categoryIds) {
        Iterator<BulkStore.Relationship> inCategory = productsByIndex.stream().flatMap(p -> p.categories.stream()
                .map(category -> new BulkStore.Relationship(productBase + p.index, categoryIds.get(category),
                        "IN_CATEGORY"))).iterator();
        Iterator<BulkStore.Relationship> identifies = customers.values().stream().map(c -> new BulkStore.Relationship(
                c.nodeId + 1, c.nodeId, "IDENTIFIES", "primary", true)).iterator();
        Iterator<BulkStore.Relationship> placed = ordersByIndex.stream().flatMap(o -> placedByList(o).stream()
                .map(customer -> new BulkStore.Relationship(customers.get(customer).nodeId, orderBase + o.index,
                        "PLACED"))).iterator();
        return concat(inCategory, identifies, placed);
    }

    /**
     * What writing the store added to the batches' counts: the relationships created by merging the lines of orders
     * that several batches added to (known only once all lines are), and the lines and orders flagged as extreme.
     */
    record Written(long relationshipsCreated, long anomaliesFlagged) {
    }

    private static List<String> placedByList(OrderNode o) {
        if (o.placedBy == null) {
            return List.of();
        }
        if (o.placedBy instanceof String one) {
            return List.of(one);
        }
        @SuppressWarnings("unchecked")
        List<String> several = (List<String>) o.placedBy;
        return several;
    }

    /** The properties with the sort key of their name, if they have one ({@link NameOrder}). */
    private Object[] named(Object[] properties) {
        for (int i = 0; i + 1 < properties.length; i += 2) {
            if ("name".equals(properties[i]) && properties[i + 1] instanceof String name) {
                Object[] all = java.util.Arrays.copyOf(properties, properties.length + 2);
                all[properties.length] = "nameKey";
                all[properties.length + 1] = names.key(name);
                return all;
            }
        }
        return properties;
    }

    private static Object[] withKey(String key, Object value, Map<String, Object> properties) {
        Object[] all = new Object[2 + 2 * properties.size()];
        all[0] = key;
        all[1] = value;
        int i = 2;
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            all[i++] = e.getKey();
            all[i++] = e.getValue();
        }
        return all;
    }

    private static Object[] withKey(String key, Object value, Object[] properties) {
        Object[] all = new Object[2 + properties.length];
        all[0] = key;
        all[1] = value;
        System.arraycopy(properties, 0, all, 2, properties.length);
        return all;
    }

    private Iterator<BulkStore.Node> orderNodes(long orderBase) {
        Iterator<OrderNode> all = ordersByIndex.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return all.hasNext();
            }

            @Override
            public BulkStore.Node next() {
                OrderNode o = all.next();
                Object[] properties = new Object[o.properties.length + 8];
                properties[0] = "orderId";
                properties[1] = o.orderId;
                System.arraycopy(o.properties, 0, properties, 2, o.properties.length);
                int at = o.properties.length + 2;
                properties[at] = "total";
                properties[at + 1] = o.total();
                properties[at + 2] = "anomaly";
                properties[at + 3] = o.anomalyReason == null ? null : Boolean.TRUE;
                properties[at + 4] = "anomalyReason";
                properties[at + 5] = o.anomalyReason;
                return new BulkStore.Node(orderBase + o.index, "Order", properties);
            }
        };
    }

    /** The CONTAINS relationships, with the anomaly flags of {@code fences}. */
    private Iterator<BulkStore.Relationship> lineRelationships(long orderBase, long productBase, Settled settled,
                                                               double[] fences) {
        Iterator<Object[]> lines = finalLines(settled);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public BulkStore.Relationship next() {
                Object[] e = lines.next();
                int order = (int) e[0];
                int product = (int) e[1];
                double amount = amount(e);
                if (ordersByIndex.get(order).completed() && amount > fences[product]) {
                    return new BulkStore.Relationship(orderBase + order, productBase + product, "CONTAINS",
                            "lineId", e[3], "quantity", e[4], "unitPrice", e[5], "discount", e[6], "anomaly", true,
                            "anomalyReason", "amount above " + StatementArithmetic.cypherString(StatementArithmetic.round2(fences[product]))
                                    + ", the far-out fence (Q3 + 3 IQR) for this product");
                }
                return new BulkStore.Relationship(orderBase + order, productBase + product, "CONTAINS",
                        "lineId", e[3], "quantity", e[4], "unitPrice", e[5], "discount", e[6]);
            }
        };
    }

    /** The lines as written: the work file's in order, without those merged away, then the merged orders' lines. */
    private Iterator<Object[]> finalLines(Settled settled) {
        OrderLineSpill.Reader reader = lines.reader();
        Iterator<Object[]> mergedLines = settled.merged().values().stream().flatMap(List::stream).iterator();
        return new Iterator<>() {
            private long position = -1;
            private Object[] next = advance();

            private Object[] advance() {
                while (true) {
                    Object[] entry = reader.next();
                    if (entry == null) {
                        reader.close();
                        return mergedLines.hasNext() ? mergedLines.next() : null;
                    }
                    position++;
                    if (!settled.replaced().get((int) position)) {
                        return entry;
                    }
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Object[] next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Object[] e = next;
                next = advance();
                return e;
            }
        };
    }

    /** A line's amount as anomalies-lines.cypher computes it: quantity x unitPrice x (1 - discount). */
    private static double amount(Object[] line) {
        return (long) line[4] * (double) line[5] * (1 - (double) line[6]);
    }

    /**
     * The anomaly flags {@link AnomalyFlags} sets with anomalies-lines.cypher and anomalies-orders.cypher, computed
     * here with the same rule (Tukey's far-out fence, Neo4j's percentileCont) so the store is written flagged. Sets
     * the flagged orders' reasons; returns each product's fence (NaN: none) and, in {@code flagged}, how many lines
     * and orders the statements would count.
     */
    private double[] anomalyFences(Settled settled, long[] flagged) {
        // Primitive arrays grown by doubling: a boxed amount per line would cost 10M lines about 300 MB of heap.
        double[][] amounts = new double[productsByIndex.size()][];
        int[] sizes = new int[productsByIndex.size()];
        for (Iterator<Object[]> lines = finalLines(settled); lines.hasNext(); ) {
            Object[] line = lines.next();
            if (ordersByIndex.get((int) line[0]).completed()) {
                int product = (int) line[1];
                if (amounts[product] == null) {
                    amounts[product] = new double[16];
                } else if (sizes[product] == amounts[product].length) {
                    amounts[product] = java.util.Arrays.copyOf(amounts[product], 2 * sizes[product]);
                }
                amounts[product][sizes[product]++] = amount(line);
            }
        }
        double[] fences = new double[productsByIndex.size()];
        for (int p = 0; p < fences.length; p++) {
            double[] sorted = amounts[p] == null ? new double[0] : java.util.Arrays.copyOf(amounts[p], sizes[p]);
            amounts[p] = null;
            java.util.Arrays.sort(sorted);
            fences[p] = StatementArithmetic.fence(sorted, AnomalyFlags.MIN_LINES);
            for (double amount : sorted) {
                if (amount > fences[p]) {
                    flagged[0]++;
                }
            }
        }
        Map<String, List<OrderNode>> ordersOf = new HashMap<>();
        for (OrderNode o : ordersByIndex) {
            if (o.completed()) {
                for (String customer : placedByList(o)) {
                    ordersOf.computeIfAbsent(customer, c -> new ArrayList<>()).add(o);
                }
            }
        }
        for (List<OrderNode> orders : ordersOf.values()) {
            double[] totals = new double[orders.size()];
            for (int i = 0; i < totals.length; i++) {
                totals[i] = orders.get(i).total();
            }
            java.util.Arrays.sort(totals);
            double fence = StatementArithmetic.fence(totals, AnomalyFlags.MIN_ORDERS);
            for (OrderNode o : orders) {
                if (o.total() > fence) {
                    o.anomalyReason = "total above " + StatementArithmetic.cypherString(StatementArithmetic.round2(fence))
                            + ", the far-out fence (Q3 + 3 IQR) for this customer";
                    flagged[0]++;
                }
            }
        }
        return fences;
    }

    @SafeVarargs
    private static <T> Iterator<T> concat(Iterator<? extends T>... parts) {
        return new Iterator<>() {
            private int part;

            @Override
            public boolean hasNext() {
                while (part < parts.length && !parts[part].hasNext()) {
                    part++;
                }
                return part < parts.length;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return parts[part].next();
            }
        };
    }

    /** What one batch created, in the shape the import report adds up. */
    private static final class Counter {
        long customers;
        long products;
        long orders;
        long nodes;
        long relationships;
        long relationshipsDeleted;

        LoadCounts toLoadCounts() {
            return new LoadCounts(customers, products, orders, 0,
                    new WriteCounts(nodes, 0, relationships, relationshipsDeleted, 0));
        }
    }

    @Override
    public void close() {
        lines.close();
    }
}
