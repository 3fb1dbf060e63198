package dev.custograph.graph;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.neo4j.driver.Value;

/**
 * Streams every customer's purchase history out of the graph, a page of customers at a time, as primitive arrays:
 * memory holds one page, whatever the number of customers or order lines. This is the projection the analytics
 * run on (see {@code cypher/analytics/customer-histories.cypher}).
 */
public final class CustomerHistories {

    /**
     * One customer's country (null if unknown) and purchases up to the as-of date, one entry per calendar day with purchases, in day order:
     * {@code days} as epoch days, the day's spend and its number of orders. Empty when the customer had none.
     */
    public record History(String customerId, String country, int[] days, double[] spends, int[] orders) {

        public int purchaseDays() {
            return days.length;
        }
    }

    static final int PAGE_SIZE = 10_000;

    private final Graph graph;

    public CustomerHistories(Graph graph) {
        this.graph = graph;
    }

    /** Calls {@code sink} once per customer, in customer id order. Returns the number of customers read. */
    public long forEach(LocalDate asOf, boolean includeCancelled, Consumer<History> sink) {
        String after = "";
        long read = 0;
        while (true) {
            List<History> page = graph.read("analytics/customer-histories", Map.of("after", after,
                    "limit", PAGE_SIZE, "asOf", asOf, "includeCancelled", includeCancelled),
                    r -> history(r.get("customerId").asString(), r.get("country").asString(null), r.get("days"),
                            r.get("spends"), r.get("orderCounts")));
            for (History history : page) {
                sink.accept(history);
            }
            read += page.size();
            if (page.size() < PAGE_SIZE) {
                return read;
            }
            after = page.get(page.size() - 1).customerId();
        }
    }

    private static History history(String id, String country, Value days, Value spends, Value orders) {
        int n = days.size();
        int[] dayArray = new int[n];
        double[] spendArray = new double[n];
        int[] orderArray = new int[n];
        for (int i = 0; i < n; i++) {
            dayArray[i] = (int) days.get(i).asLocalDate().toEpochDay();
            spendArray[i] = spends.get(i).asDouble();
            orderArray[i] = orders.get(i).asInt();
        }
        return new History(id, country, dayArray, spendArray, orderArray);
    }
}
