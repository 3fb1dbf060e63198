package dev.custograph.api;

import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;

/** How many times each Cypher file has run (the {@code custograph.cypher} timers): how tests count a request's reads. */
final class CypherCounts {

    private CypherCounts() {
    }

    /** Runs so far, by Cypher file. */
    static Map<String, Double> of(MeterRegistry meters) {
        return meters.find("custograph.cypher").timers().stream()
                .collect(Collectors.toMap(t -> t.getId().getTag("file"), t -> (double) t.count()));
    }

    /** The files that ran between two counts, with how many more times. */
    static Map<String, Double> since(Map<String, Double> before, Map<String, Double> after) {
        return after.entrySet().stream().filter(e -> e.getValue() - before.getOrDefault(e.getKey(), 0.0) > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue() - before.getOrDefault(e.getKey(), 0.0)));
    }
}
