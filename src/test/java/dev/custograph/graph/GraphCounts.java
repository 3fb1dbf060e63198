package dev.custograph.graph;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What a graph holds, read for assertions: nodes per label, relationships per type, revenue over all lines. */
public record GraphCounts(Map<String, Long> labels, Map<String, Long> types, double revenue) {

    @SuppressWarnings("unchecked")
    public static GraphCounts of(Graph graph) {
        Map<String, Object> row = graph.readRows("test/graph-counts", Map.of()).get(0);
        return new GraphCounts(count((List<String>) row.get("labels")), count((List<String>) row.get("types")),
                row.get("revenue") == null ? 0 : ((Number) row.get("revenue")).doubleValue());
    }

    public long label(String label) {
        return labels.getOrDefault(label, 0L);
    }

    public long type(String type) {
        return types.getOrDefault(type, 0L);
    }

    private static Map<String, Long> count(List<String> names) {
        return names.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
