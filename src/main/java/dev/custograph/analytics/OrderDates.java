package dev.custograph.analytics;

import java.time.LocalDate;
import java.util.Map;

import dev.custograph.graph.Graph;
import dev.custograph.graph.Row;

/** The first and last order dates in the graph: what every run checks its dates against and defaults them to. */
public record OrderDates(LocalDate first, LocalDate last) {

    /** Reads them; an empty graph is refused ("import data first"). */
    public static OrderDates of(Graph graph) {
        Row range = graph.rows("analytics/order-date-range", Map.of()).get(0);
        if (range.isNull("lastOrder")) {
            throw new AnalyticsFailedException("the graph holds no orders: import data first");
        }
        return new OrderDates(range.date("firstOrder"), range.date("lastOrder"));
    }
}
