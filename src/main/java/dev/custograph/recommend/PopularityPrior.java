package dev.custograph.recommend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.custograph.graph.Graph;
import dev.custograph.graph.Row;

/**
 * The share of a group's customers who bought each product, for the groups a customer can fall back on when its own
 * history says little: its current segment, else its country (with at least {@link #MIN_COUNTRY_CUSTOMERS} buying
 * customers), else all customers. Also knows which products were ever sold, so that an item seen only on cancelled
 * orders is never recommended. Read once (two queries) and kept until the graph changes.
 */
public final class PopularityPrior {

    /** A country with fewer buying customers than this is too small to say what is popular there. */
    static final int MIN_COUNTRY_CUSTOMERS = 20;
    /** The most popular products kept per group. */
    static final int KEPT_PER_GROUP = 200;

    /** A group's products, most bought first, and its number of buying customers. */
    public record Group(String label, long customers, List<String> productIds, List<Long> buyers) {

        double share(int i) {
            return (double) buyers.get(i) / customers;
        }
    }

    private final Map<String, Group> groups;
    /** Every product ever sold, with its name (null when it has none). */
    private final Map<String, String> names;

    PopularityPrior(Map<String, Group> groups, Map<String, String> names) {
        this.groups = groups;
        this.names = java.util.Collections.unmodifiableMap(new HashMap<>(names));
    }

    /** Reads the prior from the graph. */
    public static PopularityPrior read(Graph graph) {
        Map<String, Map<String, Long>> buyers = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Row row : graph.rows("recommend/popular-products", Map.of())) {
            String product = row.string("productId");
            long count = row.longValue("buyers");
            names.put(product, row.string("name"));
            buyers.computeIfAbsent("all", g -> new HashMap<>()).merge(product, count, Long::sum);
            if (!row.isNull("segmentId")) {
                String key = "segment:" + row.string("segmentId");
                labels.put(key, "segment \"" + row.string("segmentName") + "\"");
                buyers.computeIfAbsent(key, g -> new HashMap<>()).merge(product, count, Long::sum);
            }
            if (!row.isNull("country")) {
                String key = "country:" + row.string("country");
                labels.put(key, "country " + row.string("country"));
                buyers.computeIfAbsent(key, g -> new HashMap<>()).merge(product, count, Long::sum);
            }
        }
        labels.put("all", "all customers");
        return of(buyers, readSizes(graph), labels, names);
    }

    /** How many customers bought anything, in all ("all"), per segment ("segment:ID") and per country ("country:NAME"). */
    static Map<String, Long> readSizes(Graph graph) {
        Map<String, Long> sizes = new HashMap<>();
        for (Row row : graph.rows("recommend/segment-and-country-sizes", Map.of())) {
            long customers = row.longValue("customers");
            sizes.merge("all", customers, Long::sum);
            if (!row.isNull("segmentId")) {
                sizes.merge("segment:" + row.string("segmentId"), customers, Long::sum);
            }
            if (!row.isNull("country")) {
                sizes.merge("country:" + row.string("country"), customers, Long::sum);
            }
        }
        return sizes;
    }

    /** Builds the prior from buyer counts per group (key "all", "segment:ID" or "country:NAME"). */
    static PopularityPrior of(Map<String, Map<String, Long>> buyers, Map<String, Long> sizes,
                              Map<String, String> labels, Map<String, String> names) {
        Map<String, Group> groups = new HashMap<>();
        buyers.forEach((key, counts) -> {
            List<Map.Entry<String, Long>> top = new ArrayList<>(counts.entrySet());
            top.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            top = top.subList(0, Math.min(KEPT_PER_GROUP, top.size()));
            groups.put(key, new Group(labels.getOrDefault(key, key), Math.max(1, sizes.getOrDefault(key, 1L)),
                    top.stream().map(Map.Entry::getKey).toList(), top.stream().map(Map.Entry::getValue).toList()));
        });
        return new PopularityPrior(groups, names);
    }

    /** The group a customer falls back on: its segment, else its country if large enough, else everyone. */
    public Group groupFor(String segmentId, String country) {
        Group segment = segmentId == null ? null : groups.get("segment:" + segmentId);
        if (segment != null) {
            return segment;
        }
        Group inCountry = country == null ? null : groups.get("country:" + country);
        if (inCountry != null && inCountry.customers() >= MIN_COUNTRY_CUSTOMERS) {
            return inCountry;
        }
        return groups.getOrDefault("all", new Group("all customers", 1, List.of(), List.of()));
    }

    /** Whether the product was ever bought on an order that was not cancelled. */
    public boolean sold(String productId) {
        return names.containsKey(productId);
    }

    /** The product's name, or null. */
    public String name(String productId) {
        return names.get(productId);
    }

    /** Every group the prior knows. */
    java.util.Collection<Group> groups() {
        return groups.values();
    }

    /** Every product ever sold, with its name (null when it has none). */
    Map<String, String> names() {
        return names;
    }
}
