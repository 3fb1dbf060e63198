package dev.custograph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The bulk-loading cache keeps what it read, unless a write invalidated while the read was under way. */
class BulkCacheTest {

    private final Map<String, Integer> database = new HashMap<>(Map.of("a", 1, "b", 10));
    private final AtomicInteger reads = new AtomicInteger();
    private Runnable duringRead = () -> { };
    private final BulkCache<Integer> cache = new BulkCache<>("test", ids -> {
        reads.incrementAndGet();
        Map<String, Integer> found = new HashMap<>();
        ids.forEach(id -> {
            if (database.containsKey(id)) {
                found.put(id, database.get(id));
            }
        });
        duringRead.run();
        return found;
    }, new EntityCache.Settings(100, Duration.ofMinutes(10)), new SimpleMeterRegistry());

    @Test
    void valuesAreReadOnceInBulkAndServedFromTheCache() {
        assertThat(cache.getAll(Set.of("a", "b", "missing"))).isEqualTo(Map.of("a", 1, "b", 10));
        assertThat(cache.get("a")).isEqualTo(1);
        assertThat(cache.getAll(Set.of("a", "b"))).isEqualTo(Map.of("a", 1, "b", 10));
        assertThat(reads).hasValue(1);
    }

    @Test
    void aValueAWriteChangedDuringTheReadIsNotKept() {
        // The read sees a = 1; before it returns, a write commits a = 2 and invalidates a (as CacheInvalidation does).
        duringRead = () -> {
            duringRead = () -> { };
            database.put("a", 2);
            cache.invalidate("a");
        };
        assertThat(cache.get("a")).as("what the read saw").isEqualTo(1);
        assertThat(cache.get("a")).as("not the stale value: read again").isEqualTo(2);
        assertThat(reads).hasValue(2);
        assertThat(cache.get("a")).isEqualTo(2);
        assertThat(reads).as("and kept from then on").hasValue(2);
    }

    @Test
    void invalidatingByValueDropsWhatMatches() {
        cache.getAll(Set.of("a", "b"));
        cache.invalidateIf(value -> value > 5);
        cache.getAll(Set.of("a", "b"));
        assertThat(reads).as("only b is read again").hasValue(2);
    }
}
