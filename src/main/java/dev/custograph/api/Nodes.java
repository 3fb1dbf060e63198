package dev.custograph.api;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.custograph.jobs.Job;
import dev.custograph.jobs.Jobs;
import dev.custograph.model.AnalyticsRunSummary;
import dev.custograph.model.Category;
import dev.custograph.model.Customer;
import dev.custograph.model.Order;
import dev.custograph.model.Product;
import dev.custograph.model.SegmentSnapshot;

/**
 * The object types a client can fetch again by global id (the schema's {@code Node} interface): for each, its GraphQL
 * name, the record behind it, the key its id carries and how to read many at once through the caches the type's own
 * query uses. A type added to {@code Node} in schema.graphqls is added here.
 */
final class Nodes {

    /** One type of node. */
    record Kind<T>(String typeName, Class<T> javaType, Function<T, String> key,
                   Function<Set<String>, Map<String, T>> load) {

        String globalId(Object object) {
            return new GlobalId(typeName, key.apply(javaType.cast(object))).encoded();
        }
    }

    private final Map<String, Kind<?>> byName = new LinkedHashMap<>();

    Nodes(EntityCache entities, AnalyticsCache analytics, Jobs jobs) {
        add(new Kind<>("Customer", Customer.class, Customer::customerId, entities::customers));
        add(new Kind<>("Product", Product.class, Product::productId, entities::products));
        add(new Kind<>("Order", Order.class, Order::orderId, ids -> each(ids, entities::order)));
        add(new Kind<>("Category", Category.class, Category::name, entities::categories));
        add(new Kind<>("Segment", SegmentSnapshot.class, SegmentSnapshot::segmentId, ids -> {
            Map<String, SegmentSnapshot> found = new HashMap<>();
            analytics.segments().stream().filter(s -> ids.contains(s.segmentId()))
                    .forEach(s -> found.put(s.segmentId(), s));
            return found;
        }));
        add(new Kind<>("AnalyticsRun", AnalyticsRunSummary.class, AnalyticsRunSummary::runId,
                ids -> each(ids, id -> analytics.run(id).orElse(null))));
        add(new Kind<>("Job", Job.class, Job::id, ids -> each(ids, id -> jobs.job(id).orElse(null))));
    }

    private void add(Kind<?> kind) {
        byName.put(kind.typeName(), kind);
    }

    Collection<Kind<?>> kinds() {
        return byName.values();
    }

    /** The kind of a record this API serves as a node; null for any other object. */
    Kind<?> kindOf(Object object) {
        for (Kind<?> kind : byName.values()) {
            if (kind.javaType().isInstance(object)) {
                return kind;
            }
        }
        return null;
    }

    /** The objects these ids name, by id; an id whose object does not exist (or whose type is unknown) is absent. */
    Map<GlobalId, Object> load(Collection<GlobalId> ids) {
        Map<String, Set<String>> keysByType = new HashMap<>();
        for (GlobalId id : ids) {
            if (byName.containsKey(id.type())) {
                keysByType.computeIfAbsent(id.type(), t -> new java.util.HashSet<>()).add(id.key());
            }
        }
        Map<GlobalId, Object> found = new HashMap<>();
        keysByType.forEach((type, keys) -> byName.get(type).load().apply(keys)
                .forEach((key, object) -> found.put(new GlobalId(type, key), object)));
        return found;
    }

    private static <T> Map<String, T> each(Set<String> ids, Function<String, T> read) {
        Map<String, T> found = new HashMap<>();
        for (String id : ids) {
            T object = read.apply(id);
            if (object != null) {
                found.put(id, object);
            }
        }
        return found;
    }
}
