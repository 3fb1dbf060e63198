package dev.custograph.api;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * A Caffeine cache of values by id, loaded in bulk for the ids it lacks (one query for a whole batch), that never
 * keeps a value a concurrent write made stale.
 *
 * <p>Caffeine's own bulk loading puts what it read after the read finishes, so a write that commits and invalidates
 * while the read is under way would be undone by the late put: the cache would then serve the old value until it
 * expires (a customer's totals missing its newest order, under load). Here every invalidation first bumps a version;
 * a load notes the version before it reads, puts what it read, and takes it out again if the version moved. Either
 * the invalidation comes after the put and removes it, or the load sees the bump and removes it itself.
 */
final class BulkCache<V> {

    /** What the cache holds for an id the read did not find, when it keeps absences. */
    private static final Object ABSENT = new Object();

    private final Cache<String, Object> cache;
    private final Function<Set<String>, Map<String, V>> bulkRead;
    private final boolean keepsAbsences;
    private final AtomicLong version = new AtomicLong();

    BulkCache(String name, Function<Set<String>, Map<String, V>> bulkRead, EntityCache.Settings settings,
              MeterRegistry meters) {
        this(name, bulkRead, settings, meters, false);
    }

    /**
     * @param keepsAbsences also remember that an id has no value (a customer never analysed has no value, and
     *                      asking again would read again), for values whose appearance is always an invalidation
     */
    BulkCache(String name, Function<Set<String>, Map<String, V>> bulkRead, EntityCache.Settings settings,
              MeterRegistry meters, boolean keepsAbsences) {
        this.cache = Caffeine.newBuilder().maximumSize(settings.maximumSize())
                .expireAfterWrite(settings.expireAfterWrite()).recordStats().build();
        this.bulkRead = bulkRead;
        this.keepsAbsences = keepsAbsences;
        CaffeineCacheMetrics.monitor(meters, cache, name);
    }

    V get(String key) {
        return getAll(Set.of(key)).get(key);
    }

    /** The values of these ids that exist; those not cached are read in one go. */
    @SuppressWarnings("unchecked")
    Map<String, V> getAll(Collection<String> keys) {
        Map<String, Object> present = cache.getAllPresent(keys);
        Map<String, V> found = new HashMap<>();
        present.forEach((key, value) -> {
            if (value != ABSENT) {
                found.put(key, (V) value);
            }
        });
        if (present.size() == keys.size()) {
            return found;
        }
        Set<String> missing = new HashSet<>(keys);
        missing.removeAll(present.keySet());
        long before = readStarts();
        Map<String, V> loaded = bulkRead.apply(missing);
        keep(before, missing, loaded);
        found.putAll(loaded);
        return found;
    }

    /** Whether a value (or a kept absence) is cached for this id. */
    boolean contains(String key) {
        return cache.getIfPresent(key) != null;
    }

    /** Notes the moment a read for this cache starts, for {@link #keep}. */
    long readStarts() {
        return version.get();
    }

    /**
     * Keeps what a read that started at {@code started} found for the ids it asked for (and, if this cache keeps
     * absences, that the others have none), unless a write dropped something from this cache meanwhile.
     */
    void keep(long started, Collection<String> asked, Map<String, V> found) {
        cache.putAll(found);
        if (keepsAbsences) {
            asked.stream().filter(key -> !found.containsKey(key)).forEach(key -> cache.put(key, ABSENT));
        }
        if (version.get() != started) {
            cache.invalidateAll(asked);
        }
    }

    void invalidate(String key) {
        version.incrementAndGet();
        cache.invalidate(key);
    }

    void invalidateAll(Collection<String> keys) {
        version.incrementAndGet();
        cache.invalidateAll(keys);
    }

    void invalidateAll() {
        version.incrementAndGet();
        cache.invalidateAll();
    }

    /** Drops every cached value that matches. */
    @SuppressWarnings("unchecked")
    void invalidateIf(Predicate<V> stale) {
        version.incrementAndGet();
        cache.asMap().values().removeIf(value -> value != ABSENT && stale.test((V) value));
    }
}
