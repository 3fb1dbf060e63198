package dev.custograph.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.custograph.graph.Graph;
import dev.custograph.graph.Row;

/**
 * Numbers products and customers as a {@link RecommendationSnapshot} is read, and gathers the arrays it is made of:
 * purchases and returns, rules by either side, each customer's similar customers, segment and country, and the
 * popularity prior's groups.
 */
final class SnapshotBuilder {
    final long readStartedNanos;
    PopularityPrior prior;
    final List<String> productIds = new ArrayList<>();
    final Map<String, Integer> productPositions = new HashMap<>();
    final Map<String, String> ruleNames = new HashMap<>();
    final List<String> customerIds = new ArrayList<>();
    final Map<String, Integer> customerPositions = new HashMap<>();
    final List<int[]> owned = new ArrayList<>();
    final List<int[]> returned = new ArrayList<>();
    final List<int[]> neighbours = new ArrayList<>();
    final List<double[]> neighbourScores = new ArrayList<>();
    int[] groupOf = new int[1024];
    final List<RecommendationSnapshot.Group> groups = new ArrayList<>();
    final Map<PopularityPrior.Group, Integer> groupPositions = new java.util.IdentityHashMap<>();
    final List<int[]> rules = new ArrayList<>();
    final List<double[]> ruleValues = new ArrayList<>();

    /** Each customer's current segment and country, as its context row gave them (null when none). */
    String[] segmentOf = new String[1024];
    String[] countryOf = new String[1024];
    final Map<String, String> segmentNames = new HashMap<>();
    /** One instance per distinct value, so a million customers do not hold a million copies of a country. */
    final Map<String, String> pool = new HashMap<>();

    SnapshotBuilder(long readStartedNanos, PurchaseMatrix purchases) {
        this.readStartedNanos = readStartedNanos;
        for (int p = 0; p < purchases.productCount(); p++) {
            product(purchases.productId(p));
        }
        for (int c = 0; c < purchases.customers(); c++) {
            owned.set(customer(purchases.customerId(c)), purchases.productPositionsOf(c));
        }
    }

    /**
     * The popularity prior, counted from the purchases already read (the same "bought" as
     * {@code popular-products.cypher}: more than zero units on orders that were not cancelled) and the customers'
     * segments and countries; only the groups' sizes and the products' names are read. Equal to
     * {@link PopularityPrior#read} (tested through the lists), without walking every order line a second time.
     */
    PopularityPrior prior(Graph graph, PurchaseMatrix purchases) {
        Map<String, Map<String, Long>> buyers = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (int c = 0; c < purchases.customers(); c++) {
            List<String> keys = new ArrayList<>(3);
            keys.add("all");
            if (segmentOf[c] != null) {
                String key = "segment:" + segmentOf[c];
                keys.add(key);
                labels.put(key, "segment \"" + segmentNames.get(segmentOf[c]) + "\"");
            }
            if (countryOf[c] != null) {
                String key = "country:" + countryOf[c];
                keys.add(key);
                labels.put(key, "country " + countryOf[c]);
            }
            for (int p : purchases.productPositionsOf(c)) {
                String product = purchases.productId(p);
                for (String key : keys) {
                    buyers.computeIfAbsent(key, k -> new HashMap<>()).merge(product, 1L, Long::sum);
                }
            }
        }
        List<String> sold = new ArrayList<>();
        for (int p = 0; p < purchases.productCount(); p++) {
            sold.add(purchases.productId(p));
        }
        for (Row row : graph.rows("recommend/product-names", Map.of("ids", sold))) {
            names.put(row.string("productId"), row.string("name"));
        }
        sold.forEach(id -> names.putIfAbsent(id, null));
        Map<String, Long> sizes = PopularityPrior.readSizes(graph);
        labels.put("all", "all customers");
        return PopularityPrior.of(buyers, sizes, labels, names);
    }

    /** The prior's groups, numbered ("all customers" first), and each customer's. */
    void groups(PopularityPrior prior) {
        this.prior = prior;
        addGroup(prior.groupFor(null, null));
        prior.groups().forEach(this::addGroup);
        for (int c = 0; c < customerIds.size(); c++) {
            groupOf[c] = groupPositions.getOrDefault(prior.groupFor(segmentOf[c], countryOf[c]), 0);
        }
    }

    private void addGroup(PopularityPrior.Group g) {
        if (groupPositions.containsKey(g)) {
            return;
        }
        int[] products = new int[g.productIds().size()];
        double[] shares = new double[products.length];
        for (int i = 0; i < products.length; i++) {
            products[i] = product(g.productIds().get(i));
            shares[i] = g.share(i);
        }
        groupPositions.put(g, groups.size());
        groups.add(new RecommendationSnapshot.Group(g.label(), products, shares));
    }

    int product(String id) {
        Integer p = productPositions.get(id);
        if (p == null) {
            p = productIds.size();
            productIds.add(id);
            productPositions.put(id, p);
        }
        return p;
    }

    int customer(String id) {
        Integer c = customerPositions.get(id);
        if (c == null) {
            c = customerIds.size();
            customerIds.add(id);
            customerPositions.put(id, c);
            owned.add(RecommendationSnapshot.NONE);
            returned.add(RecommendationSnapshot.NONE);
            neighbours.add(RecommendationSnapshot.NONE);
            neighbourScores.add(RecommendationSnapshot.NO_SCORES);
            if (c == groupOf.length) {
                groupOf = Arrays.copyOf(groupOf, c * 2);
                segmentOf = Arrays.copyOf(segmentOf, c * 2);
                countryOf = Arrays.copyOf(countryOf, c * 2);
            }
        }
        return c;
    }

    void returned(int customer, List<String> products) {
        returned.set(customer, products.stream().mapToInt(this::product).sorted().distinct().toArray());
    }

    void rule(String from, String fromName, String to, double confidence, double lift) {
        int f = product(from);
        ruleNames.putIfAbsent(from, fromName);
        rules.add(new int[] {f, product(to)});
        ruleValues.add(new double[] {confidence, lift});
    }

    void context(Row row) {
        int c = customer(row.string("customerId"));
        RecommendationSnapshot.Context context = RecommendationSnapshot.Context.of(row);
        int[] ids = new int[context.neighbourIds().size()];
        double[] scores = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = customer(context.neighbourIds().get(i));
            scores[i] = context.scores().get(i);
        }
        neighbours.set(c, ids);
        neighbourScores.set(c, scores);
        segmentOf[c] = context.segmentId() == null ? null : pool.computeIfAbsent(context.segmentId(), v -> v);
        countryOf[c] = context.country() == null ? null : pool.computeIfAbsent(context.country(), v -> v);
        if (context.segmentId() != null) {
            segmentNames.putIfAbsent(context.segmentId(), row.string("segmentName"));
        }
    }

    /** The rules by the product they start from (targets) and by the product they lead to (sources). */
    void fillRules(int[][] targets, double[][] targetConfidence, int[][] sources, double[][] sourceConfidence,
                   double[][] sourceLift) {
        int[] fromCount = new int[targets.length];
        int[] toCount = new int[targets.length];
        for (int[] r : rules) {
            fromCount[r[0]]++;
            toCount[r[1]]++;
        }
        for (int p = 0; p < targets.length; p++) {
            if (fromCount[p] > 0) {
                targets[p] = new int[fromCount[p]];
                targetConfidence[p] = new double[fromCount[p]];
            }
            if (toCount[p] > 0) {
                sources[p] = new int[toCount[p]];
                sourceConfidence[p] = new double[toCount[p]];
                sourceLift[p] = new double[toCount[p]];
            }
        }
        int[] fromFilled = new int[targets.length];
        int[] toFilled = new int[targets.length];
        for (int i = 0; i < rules.size(); i++) {
            int from = rules.get(i)[0];
            int to = rules.get(i)[1];
            double[] values = ruleValues.get(i);
            targets[from][fromFilled[from]] = to;
            targetConfidence[from][fromFilled[from]++] = values[0];
            sources[to][toFilled[to]] = from;
            sourceConfidence[to][toFilled[to]] = values[0];
            sourceLift[to][toFilled[to]++] = values[1];
        }
    }
}
