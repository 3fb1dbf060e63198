package dev.custograph.graph;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.custograph.model.AnalyticsRunSummary;
import dev.custograph.model.BoughtTogether;
import dev.custograph.model.ChurnRiskSnapshot;
import dev.custograph.model.CustomerTotals;
import dev.custograph.model.DashboardMetrics;
import dev.custograph.model.SegmentSnapshot;
import dev.custograph.model.CustomerValueSnapshot;
import dev.custograph.model.ValueCharts;
import org.neo4j.driver.Record;
import org.neo4j.driver.types.MapAccessor;
import org.neo4j.driver.Value;

/**
 * Reads what analytics runs stored: per-customer values, churn risks and segments, the latest run, the RFM
 * distribution.
 */
public final class AnalyticsReads {

    /** Customers and revenue in one RFM segment. */
    public record SegmentCount(String segment, long customers, double revenue) {
    }

    private final Graph graph;

    public AnalyticsReads(Graph graph) {
        this.graph = graph;
    }

    public Map<String, CustomerValueSnapshot> customerValues(Collection<String> ids) {
        Map<String, CustomerValueSnapshot> values = new HashMap<>();
        for (CustomerValueSnapshot v : graph.read("read/customer-values", Map.of("ids", List.copyOf(ids)),
                AnalyticsReads::snapshot)) {
            values.put(v.customerId(), v);
        }
        return values;
    }

    /** The run with {@code runId}, or the latest when null; empty if there is none. */
    public Optional<AnalyticsRunSummary> run(String runId) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("runId", runId);
        return graph.read("read/latest-analytics-run", parameters, AnalyticsReads::run).stream().findFirst();
    }

    public Map<String, ChurnRiskSnapshot> churnRisks(Collection<String> ids) {
        Map<String, ChurnRiskSnapshot> risks = new HashMap<>();
        graph.read("read/customer-churn", Map.of("ids", List.copyOf(ids)), AnalyticsReads::churnRisk)
                .forEach(c -> risks.put(c.customerId(), c));
        return risks;
    }

    /** The current segment id of each customer that has one. */
    public Map<String, String> segmentIds(Collection<String> ids) {
        Map<String, String> segments = new HashMap<>();
        graph.readRows("read/customer-segments", Map.of("ids", List.copyOf(ids)))
                .forEach(row -> segments.put((String) row.get("customerId"), (String) row.get("segmentId")));
        return segments;
    }

    /** The current segments, largest first. */
    public List<SegmentSnapshot> segments() {
        return graph.read("read/segments", Map.of(), r -> new SegmentSnapshot(r.get("segmentId").asString(),
                r.get("name").asString(), r.get("action").asString(null), r.get("size").asLong(),
                r.get("revenueShare").asDouble(), r.get("features").asList(Value::asString),
                r.get("centroid").asList(v -> v.isNull() ? null : v.asDouble()), r.get("model").asString(null),
                r.get("runId").asString(), date(r.get("asOf"))));
    }

    /** Ids of the customers most likely to churn, from {@code minProbability} up, at most {@code limit}. */
    public List<String> atRiskCustomerIds(double minProbability, int limit) {
        return graph.read("read/at-risk-customers", Map.of("minProbability", minProbability, "limit", limit),
                r -> r.get("customerId").asString());
    }

    /** For each product with rules, the products bought with it, highest lift first, at most {@code limit}. */
    public Map<String, List<BoughtTogether>> boughtTogether(Collection<String> productIds, int limit) {
        Map<String, List<BoughtTogether>> together = new HashMap<>();
        graph.read("read/bought-together", Map.of("ids", List.copyOf(productIds), "limit", limit),
                r -> Map.entry(r.get("productId").asString(), r.get("together").asList(v -> new BoughtTogether(
                        v.get("productId").asString(), v.get("support").asDouble(), v.get("confidence").asDouble(),
                        v.get("lift").asDouble(), v.get("count").asLong()))))
                .forEach(e -> together.put(e.getKey(), e.getValue()));
        return together;
    }

    public List<SegmentCount> rfmDistribution() {
        return graph.read("read/rfm-distribution", Map.of(), r -> new SegmentCount(r.get("segment").asString(),
                r.get("customers").asLong(), r.get("revenue").asDouble()));
    }

    static ChurnRiskSnapshot churnRisk(MapAccessor r) {
        return new ChurnRiskSnapshot(r.get("customerId").asString(), r.get("probability").asDouble(),
                r.get("horizonDays").asInt(), r.get("asOf").asLocalDate(), r.get("runId").asString());
    }

    static CustomerValueSnapshot snapshot(MapAccessor r) {
        return new CustomerValueSnapshot(r.get("customerId").asString(), r.get("runId").asString(),
                r.get("asOf").asLocalDate(), r.get("recencyDays").asInt(), r.get("frequency").asInt(),
                r.get("monetary").asDouble(), r.get("r").asInt(), r.get("f").asInt(), r.get("m").asInt(),
                r.get("rfmScore").asDouble(), r.get("rfmSegment").asString(), number(r.get("pAlive")),
                number(r.get("expectedPurchases")), number(r.get("expectedAvgSpend")), number(r.get("clv")),
                number(r.get("chaf")), r.get("purchaseDays").asInt(0), date(r.get("firstPurchase")),
                date(r.get("lastPurchase")));
    }

    private static AnalyticsRunSummary run(Record r) {
        Value finished = r.get("finishedAt");
        OffsetDateTime finishedAt = finished.isNull() ? null : finished.asObject() instanceof ZonedDateTime z
                ? z.toOffsetDateTime() : finished.asOffsetDateTime();
        return new AnalyticsRunSummary(r.get("runId").asString(), r.get("asOf").asLocalDate(), finishedAt,
                r.get("customers").asLong(0), r.get("timeUnit").asString("week"), r.get("horizon").asDouble(52),
                number(r.get("r")), number(r.get("alpha")), number(r.get("a")), number(r.get("b")),
                number(r.get("p")), number(r.get("q")), number(r.get("v")),
                r.get("warnings").isNull() ? List.of() : r.get("warnings").asList(Value::asString));
    }

    static CustomerTotals totals(MapAccessor r) {
        return new CustomerTotals(r.get("customerId").asString(), r.get("orders").asLong(),
                r.get("revenue").asDouble(), date(r.get("firstOrderDate")), date(r.get("lastOrderDate")));
    }

    private static Double number(Value value) {
        return value.isNull() ? null : value.asDouble();
    }

    private static LocalDate date(Value value) {
        return value.isNull() ? null : value.asLocalDate();
    }

    /** Each customer's lifetime totals; customers that do not exist are left out. */
    public Map<String, CustomerTotals> customerTotals(Collection<String> ids) {
        Map<String, CustomerTotals> result = new java.util.HashMap<>();
        for (CustomerTotals t : graph.read("read/customer-totals", Map.of("ids", List.copyOf(ids)),
                AnalyticsReads::totals)) {
            result.put(t.customerId(), t);
        }
        return result;
    }

    /** Revenue by month and the churn summary (at-risk means a probability of at least {@code threshold}). */
    public DashboardMetrics dashboard(double threshold) {
        List<DashboardMetrics.MonthRevenue> months = graph.read("read/revenue-by-month", Map.of(), r ->
                new DashboardMetrics.MonthRevenue(r.get("month").asString(), r.get("revenue").asDouble(),
                        r.get("orders").asLong(), r.get("customers").asLong()));
        DashboardMetrics.ChurnSummary churn = graph.read("read/churn-summary", Map.of("threshold", threshold), r ->
                r.get("scored").asLong() == 0 ? null : new DashboardMetrics.ChurnSummary(r.get("scored").asLong(),
                        r.get("atRisk").asLong(), threshold, r.get("meanProbability").asDouble(),
                        r.get("horizonDays").isNull() ? null : r.get("horizonDays").asLong())).get(0);
        return new DashboardMetrics(months, churn);
    }

    /** All customers and the active ones (an order within {@code activeDays} before the last order). */
    public ValueCharts.Activity activity(int activeDays) {
        return graph.read("read/customer-activity", Map.of("activeDays", activeDays), r -> new ValueCharts.Activity(
                r.get("customers").asLong(), r.get("active").asLong(), activeDays,
                r.get("lastOrder").isNull() ? null : r.get("lastOrder").asLocalDate())).get(0);
    }

    /** The recency x frequency grid of the latest analytics run, best cells first. */
    public List<ValueCharts.RfmCell> rfmGrid() {
        return graph.read("read/rfm-grid", Map.of(), r -> new ValueCharts.RfmCell(r.get("r").asInt(),
                r.get("f").asInt(), r.get("customers").asLong(), r.get("averageMonetary").asDouble()));
    }

    /** Every analysed customer's CLV, smallest first. */
    public double[] clvValues() {
        return graph.read("read/clv-values", Map.of(), r -> r.get("clv").asDouble()).stream()
                .mapToDouble(Double::doubleValue).toArray();
    }

    /** An even, repeatable sample of at most {@code limit} analysed customers. */
    public List<ValueCharts.CustomerPoint> valueSample(int limit) {
        return graph.read("read/value-sample", Map.of("limit", limit), r -> new ValueCharts.CustomerPoint(
                r.get("customerId").asString(), nullableString(r.get("segmentId")),
                nullableString(r.get("segmentName")), nullableInt(r.get("recencyDays")),
                nullableInt(r.get("frequency")), number(r.get("monetary")), nullableInt(r.get("tenureDays")),
                number(r.get("averageOrderValue")), number(r.get("clv")),
                number(r.get("pAlive")), number(r.get("churnProbability"))));
    }

    private static String nullableString(Value v) {
        return v.isNull() ? null : v.asString();
    }

    private static Integer nullableInt(Value v) {
        return v.isNull() ? null : v.asInt();
    }


    /** The ids of the {@code limit} customers with the highest CLV, highest first. */
    public List<String> topClvCustomerIds(int limit) {
        return graph.read("read/top-clv-customer-ids", Map.of("limit", limit), r -> r.get("customerId").asString());
    }
}
