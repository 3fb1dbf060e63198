package dev.custograph.recommend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.custograph.graph.Graph;
import dev.custograph.graph.Row;

/**
 * The orders of the graph as baskets of product positions, read once by {@code cypher/rules/baskets.cypher} for the
 * itemset mining done in Java. Only products bought in at least {@code minCount} baskets are kept (the Apriori
 * property: no itemset is more frequent than its rarest item), and each basket lists a product once.
 *
 * @param transactions how many baskets (orders) there are, including those with no frequent product
 * @param productIds   the frequent products, by position
 * @param names        their names (null when a product has none)
 * @param itemCounts   baskets holding each frequent product
 * @param baskets      each basket with at least one frequent product, as positions into productIds
 */
record Baskets(long transactions, List<String> productIds, List<String> names, int[] itemCounts,
               List<int[]> baskets) {

    /** Reads the baskets, keeping the products held by {@code minSupport} of them or more. */
    static Baskets read(Graph graph, double minSupport, boolean includeCancelled) {
        List<Row> rows = graph.rows("rules/baskets", Map.of("includeCancelled",
                includeCancelled));
        long transactions = rows.isEmpty() ? 0 : rows.get(0).longValue("transactions");
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        Map<Long, Integer> basketOfOrder = new HashMap<>();
        List<List<Integer>> basketItems = new ArrayList<>();
        for (Row row : rows) {
            List<Long> orders = row.longs("orders");
            long distinct = orders.stream().distinct().count();
            if (distinct < minSupport * transactions) {
                continue;
            }
            int item = ids.size();
            ids.add(row.string("productId"));
            names.add(row.string("name"));
            int count = 0;
            for (Long order : orders) {
                int basket = basketOfOrder.computeIfAbsent(order, o -> {
                    basketItems.add(new ArrayList<>());
                    return basketItems.size() - 1;
                });
                List<Integer> items = basketItems.get(basket);
                if (items.isEmpty() || items.get(items.size() - 1) != item) {
                    items.add(item);
                    count++;
                }
            }
            counts.add(count);
        }
        int[] itemCounts = counts.stream().mapToInt(Integer::intValue).toArray();
        List<int[]> baskets = new ArrayList<>(basketItems.size());
        for (List<Integer> items : basketItems) {
            baskets.add(items.stream().mapToInt(Integer::intValue).toArray());
        }
        return new Baskets(transactions, ids, names, itemCounts, baskets);
    }

    /** Baskets from orders already in memory (each a collection of distinct product ids). */
    static Baskets of(List<? extends java.util.Collection<String>> orders, double minSupport,
                      Map<String, String> namesById) {
        Map<String, Integer> counts = new HashMap<>();
        for (java.util.Collection<String> order : orders) {
            for (String product : order) {
                counts.merge(product, 1, Integer::sum);
            }
        }
        List<String> ids = counts.entrySet().stream().filter(e -> e.getValue() >= minSupport * orders.size())
                .map(Map.Entry::getKey).sorted().toList();
        Map<String, Integer> position = new HashMap<>();
        ids.forEach(id -> position.put(id, position.size()));
        List<int[]> baskets = new ArrayList<>();
        for (java.util.Collection<String> order : orders) {
            int[] items = order.stream().map(position::get).filter(java.util.Objects::nonNull)
                    .mapToInt(Integer::intValue).toArray();
            if (items.length > 0) {
                baskets.add(items);
            }
        }
        return new Baskets(orders.size(), ids, ids.stream().map(namesById::get).toList(),
                ids.stream().mapToInt(counts::get).toArray(), baskets);
    }
}
