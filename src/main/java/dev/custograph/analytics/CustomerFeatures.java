package dev.custograph.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.custograph.graph.CustomerHistories.History;
import dev.custograph.graph.Graph;
import dev.custograph.graph.Row;
import dev.custograph.model.InvalidParameterException;

/**
 * Per-customer features for segmentation and churn, as of a day, in a flat row-major table: what the customer had
 * done by that day and nothing after it.
 * <ul>
 *   <li>{@code recency}: days from the last purchase to the day;</li>
 *   <li>{@code frequency}: orders placed up to the day;</li>
 *   <li>{@code monetary}: their total spend;</li>
 *   <li>{@code tenure}: days from the first purchase to the day;</li>
 *   <li>{@code avgOrderValue}: monetary / frequency;</li>
 *   <li>any numeric {@code :Customer} property a source provides (the seed's browsing time and rating, say). A
 *       customer without it gets the median of those who have it; how many did is reported.</li>
 * </ul>
 * Properties that analytics runs write (RFM, CLV, churn risk, ...) are refused as features: they describe another
 * date and, for churn, would leak the answer.
 */
public final class CustomerFeatures {

    public static final List<String> BUILT_IN = List.of("recency", "frequency", "monetary", "tenure", "avgOrderValue");

    /** Written by analytics runs or the import: not customer attributes. */
    static final Set<String> NOT_FEATURES = Set.of("recencyDays", "frequency", "monetary", "tenureDays",
            "avgOrderValue", "rfmR", "rfmF", "rfmM", "rfmScore", "pAlive", "expectedPurchases", "expectedAvgSpend",
            "clv", "chaf", "purchaseDays", "churnProbability", "churnHorizonDays");

    /**
     * The features of the customers with a purchase by the day: ids, values (n x names.size(), row-major), spend
     * (for revenue shares), and how many customers had each property feature imputed.
     */
    public record Table(List<String> names, List<String> ids, double[] values, double[] spend,
                        Map<String, Long> imputed) {

        public int size() {
            return ids.size();
        }

        public int dimensions() {
            return names.size();
        }

        public double value(int row, int feature) {
            return values[row * names.size() + feature];
        }
    }

    private CustomerFeatures() {
    }

    /**
     * Checks feature names: built-in ones, or numeric customer properties seen on the graph. Throws with the list
     * of what is available when a name is unknown.
     */
    public static List<String> validate(Graph graph, List<String> names) {
        if (names.isEmpty()) {
            throw new InvalidParameterException("features", "give at least one feature");
        }
        Set<String> unique = new LinkedHashSet<>(names);
        if (unique.size() < names.size()) {
            throw new InvalidParameterException("features", "a feature is listed twice in " + names);
        }
        List<String> properties = null;
        for (String name : names) {
            if (BUILT_IN.contains(name)) {
                continue;
            }
            if (NOT_FEATURES.contains(name)) {
                throw new InvalidParameterException("features", "'" + name + "' is written by an analytics run, not a "
                        + "customer attribute (it describes another date); use the built-in features "
                        + String.join(", ", BUILT_IN));
            }
            if (properties == null) {
                properties = graph.rows("analytics/numeric-customer-properties", Map.of("sample", 10_000))
                        .stream().map(row -> row.string("key")).filter(k -> !NOT_FEATURES.contains(k)).toList();
            }
            if (!properties.contains(name)) {
                throw new InvalidParameterException("features", "unknown feature '" + name + "'; known: "
                        + String.join(", ", BUILT_IN) + (properties.isEmpty() ? "" : ", and the numeric customer "
                        + "properties " + String.join(", ", properties)));
            }
        }
        return List.copyOf(names);
    }

    /** Builds the table as of {@code day} (epoch day) from histories, one customer at a time. */
    public static final class Builder {
        private final List<String> names;
        private final int day;
        private final int[] builtInIndex;
        private final List<String> ids = new ArrayList<>();
        private double[] values = new double[1024];
        private double[] spend = new double[256];

        public Builder(List<String> names, int day) {
            this.names = names;
            this.day = day;
            this.builtInIndex = names.stream().mapToInt(BUILT_IN::indexOf).toArray();
        }

        /** Adds the customer if they bought by the day; returns whether they did. */
        public boolean add(History h) {
            int last = -1;
            long orders = 0;
            double total = 0;
            for (int i = 0; i < h.purchaseDays() && h.days()[i] <= day; i++) {
                last = i;
                orders += h.orders()[i];
                total += h.spends()[i];
            }
            if (last < 0) {
                return false;
            }
            int row = ids.size();
            int d = names.size();
            if ((row + 1) * d > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, (row + 1) * d));
            }
            if (row >= spend.length) {
                spend = Arrays.copyOf(spend, spend.length * 2);
            }
            for (int j = 0; j < d; j++) {
                values[row * d + j] = switch (builtInIndex[j]) {
                    case 0 -> day - h.days()[last];
                    case 1 -> orders;
                    case 2 -> total;
                    case 3 -> day - h.days()[0];
                    case 4 -> orders == 0 ? 0 : total / orders;
                    default -> Double.NaN; // a property, filled in by build()
                };
            }
            spend[row] = total;
            ids.add(h.customerId());
            return true;
        }

        /** Reads the property features from the graph (medians for the missing) and returns the table. */
        public Table build(Graph graph) {
            int n = ids.size();
            int d = names.size();
            double[] table = Arrays.copyOf(values, n * d);
            Map<String, Long> imputed = new HashMap<>();
            List<Integer> propertyColumns = new ArrayList<>();
            for (int j = 0; j < d; j++) {
                if (builtInIndex[j] < 0) {
                    propertyColumns.add(j);
                }
            }
            if (!propertyColumns.isEmpty()) {
                List<String> properties = propertyColumns.stream().map(names::get).toList();
                for (int from = 0; from < n; from += 10_000) {
                    List<String> page = ids.subList(from, Math.min(n, from + 10_000));
                    List<Row> rows = graph.rows("analytics/customer-properties",
                            Map.of("ids", page, "names", properties));
                    Map<String, List<?>> byId = new HashMap<>();
                    rows.forEach(r -> byId.put(r.string("customerId"), r.list("values")));
                    for (int i = 0; i < page.size(); i++) {
                        List<?> found = byId.get(page.get(i));
                        for (int p = 0; p < properties.size(); p++) {
                            Object value = found == null ? null : found.get(p);
                            if (value != null && !(value instanceof Number)) {
                                throw new InvalidParameterException("features", "customer '" + page.get(i)
                                        + "' has " + properties.get(p) + " = '" + value + "', not a number");
                            }
                            table[(from + i) * d + propertyColumns.get(p)] =
                                    value == null ? Double.NaN : ((Number) value).doubleValue();
                        }
                    }
                }
                for (int column : propertyColumns) {
                    imputed.put(names.get(column), imputeMedian(table, n, d, column, names.get(column)));
                }
            }
            return new Table(names, List.copyOf(ids), table, Arrays.copyOf(spend, n), imputed);
        }
    }

    private static long imputeMedian(double[] table, int n, int d, int column, String name) {
        double[] present = new double[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            double v = table[i * d + column];
            if (!Double.isNaN(v)) {
                present[count++] = v;
            }
        }
        if (count == 0) {
            throw new InvalidParameterException("features", "no customer in the data has a value for '" + name + "'");
        }
        double[] sorted = Arrays.copyOf(present, count);
        Arrays.sort(sorted);
        double median = count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(table[i * d + column])) {
                table[i * d + column] = median;
            }
        }
        return n - count;
    }
}
