package dev.custograph.api;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.custograph.graph.CustomerPageReads;
import dev.custograph.graph.EntityReads;
import dev.custograph.graph.Graph;
import dev.custograph.model.Category;
import dev.custograph.model.Customer;
import dev.custograph.model.Order;
import dev.custograph.model.Product;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Caffeine caches in front of the look-ups by id that the API makes most: customers, orders, products, categories.
 *
 * <p>A batch of ids goes to Neo4j as one query for just the ids not cached ({@code getAll} with a bulk loader), so
 * the cache and the DataLoader batching work together. Every write that goes through this process's {@link Graph}
 * drops what it changed before the write call returns ({@link CacheInvalidation}), so a request never sees data older
 * than a write it could have observed. Writes by other processes (another instance, an import through Bolt) are seen
 * at the latest after {@code expireAfterWrite}. Hits, misses and evictions are published as {@code cache.*} metrics
 * per cache.
 */
public final class EntityCache {

    /** Sizes and lifetimes, from {@code custograph.cache.*}. */
    public record Settings(long maximumSize, Duration expireAfterWrite) {
    }

    private final BulkCache<Customer> customers;
    private final BulkCache<Order> orders;
    private final BulkCache<Product> products;
    private final BulkCache<Category> categories;
    /** Each order's lines: written once, with the order (an erasure, which renames them, drops every cache). */
    private final BulkCache<List<dev.custograph.model.OrderLine>> lines;
    /** Each customer's latest orders, the first page of its order history by page size, until it places another. */
    private final com.github.benmanes.caffeine.cache.Cache<String, Map<Integer, EntityReads.Page<Order>>> latestOrders;
    private final EntityReads reads;
    private final CustomerPageReads pageReads;

    public EntityCache(EntityReads reads, CustomerPageReads pageReads, Settings settings, MeterRegistry meters) {
        this.reads = reads;
        this.pageReads = pageReads;
        lines = build("orderLines", reads::linesOfOrders, settings, meters);
        latestOrders = com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(settings.maximumSize())
                .expireAfterWrite(settings.expireAfterWrite()).recordStats().build();
        io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics.monitor(meters, latestOrders, "latestOrders");
        customers = build("customers", reads::customers, settings, meters);
        orders = build("orders", reads::orders, settings, meters);
        products = build("products", reads::products, settings, meters);
        categories = build("categories", reads::categories, settings, meters);
    }

    public Customer customer(String id) {
        return customers.get(id);
    }

    public Map<String, Customer> customers(Collection<String> ids) {
        return customers.getAll(Set.copyOf(ids));
    }

    public Order order(String id) {
        return orders.get(id);
    }

    public Map<String, Product> products(Collection<String> ids) {
        return products.getAll(Set.copyOf(ids));
    }

    /**
     * Reads these products into the cache ahead of the requests that will show them (the products recommendations
     * name), a thousand per read, at most {@code limit} of them.
     */
    void warmProducts(Collection<String> ids, long limit) {
        List<String> all = ids.stream().sorted().limit(limit).toList();
        for (int i = 0; i < all.size(); i += 1000) {
            products.getAll(all.subList(i, Math.min(all.size(), i + 1000)));
        }
    }

    public Product product(String id) {
        return products.get(id);
    }

    public Map<String, Category> categories(Collection<String> names) {
        return categories.getAll(Set.copyOf(names));
    }

    /** Each order's lines (orders without lines map to an empty list). */
    public Map<String, List<dev.custograph.model.OrderLine>> linesOfOrders(Collection<String> orderIds) {
        return lines.getAll(Set.copyOf(orderIds));
    }

    /**
     * A page of the customer's orders, newest first; the first page (what a profile shows) is cached until the
     * customer places an order or changes. With {@code withLines} (the caller will show the lines), a first page not
     * cached is read with its orders' lines and their products in one read, and those are cached too.
     */
    public EntityReads.Page<Order> orderHistory(String customerId, EntityReads.PageStart start, int limit,
                                                boolean withLines) {
        if (!start.equals(EntityReads.PageStart.FIRST)) {
            return reads.orderHistory(customerId, start, limit);
        }
        Map<Integer, EntityReads.Page<Order>> pages = latestOrders.get(customerId,
                id -> new java.util.concurrent.ConcurrentHashMap<>());
        EntityReads.Page<Order> page = pages.get(limit);
        if (page == null) {
            page = withLines ? latestOrdersWithLines(customerId, limit)
                    : reads.orderHistory(customerId, EntityReads.PageStart.FIRST, limit);
            // Only if no order or change dropped the customer's pages while reading.
            if (latestOrders.getIfPresent(customerId) == pages) {
                pages.put(limit, page);
            }
        }
        return page;
    }

    private EntityReads.Page<Order> latestOrdersWithLines(String customerId, int limit) {
        long linesRead = lines.readStarts();
        long productsRead = products.readStarts();
        CustomerPageReads.LatestOrders latest = pageReads.latestOrders(customerId, limit);
        lines.keep(linesRead, latest.lines().keySet(), latest.lines());
        products.keep(productsRead, latest.products().keySet(), latest.products());
        return latest.page();
    }

    /** The customers cache, for a read that fetches customers with more (see {@link CustomerFirstView}). */
    BulkCache<Customer> customerCache() {
        return customers;
    }

    /** The customer placed an order: its latest orders change. */
    void orderPlaced(String customerId) {
        latestOrders.invalidate(customerId);
    }

    /** Drops these customers and every cached order they placed. */
    void forgetCustomers(Collection<String> ids) {
        customers.invalidateAll(ids);
        // A set: a stream's batch names hundreds of customers, and every cached order is checked against them.
        java.util.Set<String> gone = new java.util.HashSet<>(ids);
        orders.invalidateIf(order -> gone.contains(order.customerId()));
        latestOrders.invalidateAll(ids);
    }

    void forgetProducts(Collection<String> ids) {
        products.invalidateAll(ids);
    }

    public void invalidateAll() {
        customers.invalidateAll();
        orders.invalidateAll();
        products.invalidateAll();
        categories.invalidateAll();
        lines.invalidateAll();
        latestOrders.invalidateAll();
    }

    /** A cache of values by id, loaded in bulk for the ids it lacks, with its metrics published as {@code name}. */
    static <V> BulkCache<V> build(String name, Function<Set<String>, Map<String, V>> bulkRead,
                                  Settings settings, MeterRegistry meters) {
        return new BulkCache<>(name, bulkRead, settings, meters);
    }
}
