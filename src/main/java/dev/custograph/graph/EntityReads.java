package dev.custograph.graph;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.custograph.model.Category;
import dev.custograph.model.Customer;
import dev.custograph.model.Order;
import dev.custograph.model.OrderLine;
import dev.custograph.model.Product;
import org.neo4j.driver.Record;
import org.neo4j.driver.types.MapAccessor;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/**
 * Reads customers, orders, lines, products and categories out of the graph as model records. Every method takes
 * many keys at once, so a caller that needs the orders of fifty customers makes one query, not fifty.
 */
public final class EntityReads {

    /**
     * Where a keyset page starts: next to the row with this sort key and id, read forward (the rows after it) or
     * backward (the rows before it, nearest first); without a row, at the start of the list or, backward, its end.
     */
    public record PageStart(String sortKey, String id, boolean backward) {
        public static final PageStart FIRST = new PageStart(null, null, false);
    }

    /**
     * A filtered, sorted page: the rows in reading order (backward pages nearest the cursor first), each with the sort
     * key a cursor needs, and whether more lie beyond them in that direction.
     */
    public record Page<T>(List<Keyed<T>> rows, boolean hasMore) {
    }

    /** A row of a page with its sort key. */
    public record Keyed<T>(T value, String sortKey, String id) {
    }

    private final Graph graph;

    public EntityReads(Graph graph) {
        this.graph = graph;
    }

    public Map<String, Customer> customers(Collection<String> ids) {
        Map<String, Customer> result = new HashMap<>();
        for (Customer c : graph.read("read/customers-by-id", Map.of("ids", List.copyOf(ids)),
                r -> customer(r.get("c").asNode()))) {
            result.put(c.customerId(), c);
        }
        return result;
    }

    /** A page of customers; a null filter value does not filter. */
    public Page<Customer> customerPage(String country, String namePrefix, String segmentId, String email,
                                       String orderBy, PageStart start, int limit) {
        Map<String, Object> params = filter("country", country, namePrefix);
        params.put("segmentId", segmentId);
        params.put("email", email);
        return keysetPage("read/customers-page", params, orderBy, start, limit, r -> customer(r.get("c").asNode()),
                Customer::customerId);
    }

    public long customerCount(String country, String namePrefix, String segmentId, String email) {
        Map<String, Object> params = filter("country", country, namePrefix);
        params.put("segmentId", segmentId);
        params.put("email", email);
        return graph.readLong("read/customers-count", params);
    }

    public Map<String, Order> orders(Collection<String> ids) {
        Map<String, Order> result = new HashMap<>();
        for (Order o : graph.read("read/orders-by-id", Map.of("ids", List.copyOf(ids)), EntityReads::order)) {
            result.put(o.orderId(), o);
        }
        return result;
    }

    /** Each customer's orders, oldest first; a customer without orders maps to an empty list. */
    /** A page of one customer's orders, newest first. */
    public Page<Order> orderHistory(String customerId, PageStart start, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("customerId", customerId);
        return keysetPage("read/customer-order-history", params, "DATE_DESC", start, limit, EntityReads::order,
                Order::orderId);
    }

    public long orderCount(String customerId) {
        return graph.readLong("read/customer-order-count", Map.of("customerId", customerId));
    }

    /** Each customer's identities, primary first; a customer without any maps to an empty list. */
    public Map<String, List<dev.custograph.model.Identity>> identitiesOf(Collection<String> customerIds) {
        Map<String, List<dev.custograph.model.Identity>> result = new LinkedHashMap<>();
        customerIds.forEach(id -> result.put(id, new java.util.ArrayList<>()));
        for (Map<String, Object> row : graph.readRows("read/identities-of-customers",
                Map.of("ids", List.copyOf(customerIds)))) {
            result.get((String) row.get("customerId")).add(new dev.custograph.model.Identity(
                    (String) row.get("source"), (String) row.get("externalId"), (String) row.get("email"),
                    (String) row.get("phone"), (Boolean) row.get("primary")));
        }
        return result;
    }

    public Map<String, List<Order>> ordersOfCustomers(Collection<String> customerIds) {
        Map<String, List<Order>> result = new LinkedHashMap<>();
        customerIds.forEach(id -> result.put(id, new java.util.ArrayList<>()));
        for (Order o : graph.read("read/orders-of-customers", Map.of("ids", List.copyOf(customerIds)),
                EntityReads::order)) {
            result.get(o.customerId()).add(o);
        }
        return result;
    }

    /** Each order's lines in line-id order; an order without lines maps to an empty list. */
    public Map<String, List<OrderLine>> linesOfOrders(Collection<String> orderIds) {
        Map<String, List<OrderLine>> result = new LinkedHashMap<>();
        orderIds.forEach(id -> result.put(id, new java.util.ArrayList<>()));
        for (OrderLine line : graph.read("read/lines-of-orders", Map.of("ids", List.copyOf(orderIds)),
                r -> line(r.get("orderId").asString(), r.get("l"), r.get("productId").asString()))) {
            result.get(line.orderId()).add(line);
        }
        return result;
    }

    public Map<String, Product> products(Collection<String> ids) {
        Map<String, Product> result = new HashMap<>();
        for (Product p : graph.read("read/products-by-id", Map.of("ids", List.copyOf(ids)), EntityReads::product)) {
            result.put(p.productId(), p);
        }
        return result;
    }

    public Page<Product> productPage(String category, String namePrefix, String orderBy, PageStart start, int limit) {
        return keysetPage("read/products-page", filter("category", category, namePrefix), orderBy, start, limit,
                EntityReads::product, Product::productId);
    }

    public long productCount(String category, String namePrefix) {
        return graph.readLong("read/products-count", filter("category", category, namePrefix));
    }

    public Map<String, Category> categories(Collection<String> names) {
        Map<String, Category> result = new HashMap<>();
        for (Category c : graph.read("read/categories-by-name", Map.of("names", List.copyOf(names)), r -> {
            Node n = r.get("c").asNode();
            return new Category(n.get("name").asString(), n.get("description").asString(null));
        })) {
            result.put(c.name(), c);
        }
        return result;
    }

    /** True when no customer, order or product is stored yet. */
    public boolean isEmpty() {
        return graph.read("read/graph-is-empty", Map.of(), r -> r.get("empty").asBoolean()).get(0);
    }

    private static Map<String, Object> filter(String field, String value, String namePrefix) {
        Map<String, Object> params = new HashMap<>();
        params.put(field, value);
        params.put("namePrefix", namePrefix);
        return params;
    }

    /**
     * Runs a page statement that takes $orderBy, $backward, $cursorKey, $cursorId, $limit and returns a sortKey column.
     */
    private <T> Page<T> keysetPage(String statement, Map<String, Object> params, String orderBy, PageStart start,
                                   int limit, Function<Record, T> mapper, Function<T, String> id) {
        params.put("orderBy", orderBy);
        params.put("backward", start.backward());
        params.put("cursorKey", start.sortKey());
        params.put("cursorId", start.id());
        // One more than asked for tells whether another page follows.
        params.put("limit", limit + 1);
        List<Keyed<T>> rows = graph.read(statement, params, r -> {
            T value = mapper.apply(r);
            return new Keyed<>(value, r.get("sortKey").asString(), id.apply(value));
        });
        boolean hasMore = rows.size() > limit;
        return new Page<>(hasMore ? rows.subList(0, limit) : rows, hasMore);
    }

    static OrderLine line(String orderId, Value l, String productId) {
        return new OrderLine(orderId, l.get("lineId").asString(), productId, l.get("quantity").asLong(),
                l.get("unitPrice").asDouble(), l.get("discount").asDouble(0));
    }

    static Customer customer(Node n) {
        return new Customer(n.get("customerId").asString(), n.get("name").asString(null),
                n.get("contactName").asString(null), n.get("email").asString(null), n.get("phone").asString(null),
                n.get("address").asString(null), n.get("city").asString(null), n.get("postalCode").asString(null),
                n.get("region").asString(null), n.get("country").asString(null), date(n.get("registeredAt")),
                date(n.get("birthDate")));
    }

    /** An order from its node, or from a map of its properties, as {@code o}. */
    static Order order(Record r) {
        Value o = r.get("o");
        return new Order(o.get("orderId").asString(), r.get("customerId").asString(null),
                date(o.get("orderDate")), o.get("status").asString(null), o.get("total").asDouble(0));
    }

    /** A product from its node, or from a map of its properties, as {@code p}; its category's name as category. */
    static Product product(MapAccessor r) {
        Value p = r.get("p");
        Value price = p.get("price");
        return new Product(p.get("productId").asString(), p.get("name").asString(null),
                price.isNull() ? null : price.asDouble(), r.get("category").asString(null));
    }

    static LocalDate date(Value value) {
        return value.isNull() ? null : value.asLocalDate();
    }
}
