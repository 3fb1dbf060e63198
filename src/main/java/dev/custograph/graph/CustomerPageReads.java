package dev.custograph.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.custograph.model.ChurnRiskSnapshot;
import dev.custograph.model.Customer;
import dev.custograph.model.CustomerTotals;
import dev.custograph.model.CustomerValueSnapshot;
import dev.custograph.model.Order;
import dev.custograph.model.OrderLine;
import dev.custograph.model.Product;
import org.neo4j.driver.Value;

/**
 * The first view of one customer's page in two reads instead of eight. Every statement costs a Bolt round trip or
 * three whatever it reads (about 1.5 ms of CPU on 2 cores), so a page that fetches the customer, its totals, value,
 * churn risk, segment, latest orders, their lines and products one read each spends most of its time on round trips.
 * Each read here returns the same records as the separate reads of {@link EntityReads} and {@link AnalyticsReads},
 * so the API can keep every part in the cache those reads fill.
 */
public final class CustomerPageReads {

    /** A customer with what its page shows about it; value, churn risk and segment are null when it has none. */
    public record Profile(Customer customer, CustomerTotals totals, CustomerValueSnapshot value,
                          ChurnRiskSnapshot churnRisk, String segmentId) {
    }

    /** The first page of a customer's orders, newest first, with each order's lines and the products they name. */
    public record LatestOrders(EntityReads.Page<Order> page, Map<String, List<OrderLine>> lines,
                               Map<String, Product> products) {
    }

    private final Graph graph;

    public CustomerPageReads(Graph graph) {
        this.graph = graph;
    }

    /** The customer and what its page shows about it; empty for an unknown id. */
    public Optional<Profile> profile(String customerId) {
        return Optional.ofNullable(profiles(List.of(customerId)).get(customerId));
    }

    /** Each customer and what its page shows about it, by id, in one read; unknown ids are absent. */
    public Map<String, Profile> profiles(java.util.Collection<String> customerIds) {
        Map<String, Profile> found = new HashMap<>();
        for (Profile profile : graph.read("read/customer-profile", Map.of("ids", List.copyOf(customerIds)), r -> {
            Value value = r.get("value");
            Value churn = r.get("churn");
            return new Profile(EntityReads.customer(r.get("c").asNode()), AnalyticsReads.totals(r),
                    value.isNull() ? null : AnalyticsReads.snapshot(value),
                    churn.isNull() ? null : AnalyticsReads.churnRisk(churn), r.get("segmentId").asString(null));
        })) {
            found.put(profile.customer().customerId(), profile);
        }
        return found;
    }

    /** The customer's {@code limit} latest orders, as the first page of its order history, with lines and products. */
    public LatestOrders latestOrders(String customerId, int limit) {
        // One more than asked for tells whether another page follows.
        List<OrderWithLines> rows = graph.read("read/customer-latest-orders",
                Map.of("customerId", customerId, "limit", limit + 1), r -> {
                    Order order = EntityReads.order(r);
                    List<OrderLine> lines = new ArrayList<>();
                    List<Product> products = new ArrayList<>();
                    for (Value line : r.get("lines").values()) {
                        Product product = EntityReads.product(line);
                        products.add(product);
                        lines.add(EntityReads.line(order.orderId(), line.get("l"), product.productId()));
                    }
                    return new OrderWithLines(new EntityReads.Keyed<>(order, r.get("sortKey").asString(),
                            order.orderId()), lines, products);
                });
        boolean hasMore = rows.size() > limit;
        List<OrderWithLines> onPage = hasMore ? rows.subList(0, limit) : rows;
        Map<String, List<OrderLine>> lines = new LinkedHashMap<>();
        Map<String, Product> products = new HashMap<>();
        for (OrderWithLines row : onPage) {
            lines.put(row.order().id(), row.lines());
            row.products().forEach(product -> products.put(product.productId(), product));
        }
        return new LatestOrders(new EntityReads.Page<>(onPage.stream().map(OrderWithLines::order).toList(),
                hasMore), lines, products);
    }

    private record OrderWithLines(EntityReads.Keyed<Order> order, List<OrderLine> lines, List<Product> products) {
    }
}
