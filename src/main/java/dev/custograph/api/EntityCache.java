package dev.custograph.api;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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

    public EntityCache(EntityReads reads, Settings settings, MeterRegistry meters) {
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

    public Product product(String id) {
        return products.get(id);
    }

    public Map<String, Category> categories(Collection<String> names) {
        return categories.getAll(Set.copyOf(names));
    }

    /** Drops these customers and every cached order they placed. */
    void forgetCustomers(Collection<String> ids) {
        customers.invalidateAll(ids);
        orders.invalidateIf(order -> ids.contains(order.customerId()));
    }

    void forgetProducts(Collection<String> ids) {
        products.invalidateAll(ids);
    }

    public void invalidateAll() {
        customers.invalidateAll();
        orders.invalidateAll();
        products.invalidateAll();
        categories.invalidateAll();
    }

    /** A cache of values by id, loaded in bulk for the ids it lacks, with its metrics published as {@code name}. */
    static <V> BulkCache<V> build(String name, Function<Set<String>, Map<String, V>> bulkRead,
                                  Settings settings, MeterRegistry meters) {
        return new BulkCache<>(name, bulkRead, settings, meters);
    }
}
