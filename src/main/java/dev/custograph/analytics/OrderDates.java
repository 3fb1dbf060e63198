package dev.custograph.analytics;

import java.time.LocalDate;
import java.util.Map;

import dev.custograph.graph.Graph;

/** The first and last order dates in the graph: what every run checks its dates against and defaults them to. */
public record OrderDates(LocalDate first, LocalDate last) {

    /** Reads them; an empty graph is refused ("import data first"). */
    public static OrderDates of(Graph graph) {
        Map<String, Object> range = graph.readRows("analytics/order-date-range", Map.of()).get(0);
        if (range.get("lastOrder") == null) {
            throw new AnalyticsFailedException("the graph holds no orders: import data first");
        }
        return new OrderDates((LocalDate) range.get("firstOrder"), (LocalDate) range.get("lastOrder"));
    }
}
