package dev.custograph.ingest;

import java.util.HashMap;
import java.util.Map;

/**
 * Numbers the rows that share a key (an order id, a customer and day) in file order: 1, 2, 3, ... Line ids built
 * from it are stable across re-imports of the same file, which is what makes MERGE on them idempotent. Rejected
 * rows take their number too, so fixing one later does not renumber its neighbours. Memory grows with the number
 * of keys (orders), not of rows.
 */
final class OrdinalCounter {

    private final Map<String, Integer> next = new HashMap<>();

    int next(String key) {
        return next.merge(key, 1, Integer::sum);
    }
}
