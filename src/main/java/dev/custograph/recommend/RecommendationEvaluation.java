package dev.custograph.recommend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.custograph.graph.Graph;
import dev.custograph.graph.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offline evaluation of the recommender: each customer's last order (by date, then id) is held out, similar customers,
 * pair rules and the popularity prior are rebuilt from the remaining orders only, and the recommendations made from
 * them are compared with what the customer went on to buy in the held-out order that it had not bought before (a
 * recommender never proposes what a customer owns, so those are the only products it could get right). Customers with
 * one order, or whose last order holds nothing new, are not evaluated. The blend is compared with each of its sources
 * alone and with the popularity baseline (the most bought products overall, minus the customer's own).
 */
public final class RecommendationEvaluation {

    private static final Logger log = LoggerFactory.getLogger(RecommendationEvaluation.class);

    /** Thresholds of the pair rules mined from the training orders. */
    public record Parameters(int k, double minSupport, double minConfidence, RecommendationWeights weights) {
    }

    /**
     * How one strategy did, averaged over the evaluated customers: precision@k (hits / k), recall@k (hits / products
     * held out), hit rate (share of customers with at least one hit) and coverage (distinct products recommended over
     * the products sold in the training orders).
     */
    public record Metrics(double precisionAtK, double recallAtK, double hitRate, double coverage) {
    }

    public record Report(int k, int customersEvaluated, int customersWithOneOrder, int customersWithNothingNew,
                         int trainingOrders, int trainingRules, RecommendationWeights weights,
                         Map<String, Metrics> strategies, double seconds) {
    }

    private record Order(String orderId, LocalDate date, String customerId, String country, Set<String> products) {
    }

    private final Graph graph;

    public RecommendationEvaluation(Graph graph) {
        this.graph = graph;
    }

    public Report run(Parameters p) {
        long started = System.nanoTime();
        int k = Recommender.checkedK(p.k());
        Map<String, String> names = new HashMap<>();
        List<Order> orders = new ArrayList<>();
        for (Row row : graph.rows("recommend/evaluation-orders", Map.of())) {
            List<String> products = row.strings("products");
            List<String> productNames = row.strings("names");
            for (int i = 0; i < products.size(); i++) {
                names.put(products.get(i), productNames.get(i));
            }
            orders.add(new Order(row.string("orderId"), row.date("orderDate"),
                    row.string("customerId"), row.string("country"), new LinkedHashSet<>(products)));
        }
        // Each customer's orders, oldest first; the last is held out.
        Map<String, List<Order>> byCustomer = new TreeMap<>();
        for (Order o : orders) {
            if (o.customerId() != null) {
                byCustomer.computeIfAbsent(o.customerId(), c -> new ArrayList<>()).add(o);
            }
        }
        Set<String> heldOutOrders = new HashSet<>();
        Map<String, Set<String>> heldOut = new TreeMap<>();
        int oneOrder = 0;
        int nothingNew = 0;
        for (Map.Entry<String, List<Order>> e : byCustomer.entrySet()) {
            List<Order> own = e.getValue();
            if (own.size() < 2) {
                oneOrder++;
                continue;
            }
            own.sort(Comparator.comparing(Order::date).thenComparing(Order::orderId));
            Order last = own.get(own.size() - 1);
            heldOutOrders.add(last.orderId());
            Set<String> before = new HashSet<>();
            own.subList(0, own.size() - 1).forEach(o -> before.addAll(o.products()));
            Set<String> fresh = new LinkedHashSet<>(last.products());
            fresh.removeAll(before);
            if (fresh.isEmpty()) {
                nothingNew++;
            } else {
                heldOut.put(e.getKey(), fresh);
            }
        }
        List<Order> training = orders.stream().filter(o -> !heldOutOrders.contains(o.orderId())).toList();
        TrainingData t = train(training, names, p);
        log.info("evaluate-recs: {} training orders, {} rules, {} customers to evaluate",
                String.format("%,d", training.size()), t.rules(), String.format("%,d", heldOut.size()));
        Map<String, RecommendationWeights> strategies = new LinkedHashMap<>();
        strategies.put("blend", p.weights());
        strategies.put("similar-customers", new RecommendationWeights(1, 0, 0));
        strategies.put("bought-with", new RecommendationWeights(0, 1, 0));
        strategies.put("popularity-baseline", new RecommendationWeights(0, 0, 1));
        Map<String, Metrics> results = new LinkedHashMap<>();
        strategies.forEach((name, weights) -> results.put(name, evaluate(name, weights, t, heldOut, k)));
        return new Report(k, heldOut.size(), oneOrder, nothingNew, training.size(), t.rules(), p.weights(), results,
                (System.nanoTime() - started) / 1e9);
    }

    /** Everything learnt from the training orders. */
    private record TrainingData(PurchaseMatrix matrix, PurchaseMatrix.Neighbours[] neighbours,
                                Map<String, Integer> position, Map<String, List<Evidence.RuleFrom>> rulesFrom,
                                PopularityPrior prior, Map<String, String> countries, int rules) {
    }

    private static TrainingData train(List<Order> training, Map<String, String> names, Parameters p) {
        Map<String, Map<String, Long>> bought = new TreeMap<>();
        Map<String, String> countries = new HashMap<>();
        for (Order o : training) {
            if (o.customerId() != null) {
                Map<String, Long> mine = bought.computeIfAbsent(o.customerId(), c -> new TreeMap<>());
                o.products().forEach(product -> mine.merge(product, 1L, Long::sum));
                if (o.country() != null) {
                    countries.put(o.customerId(), o.country());
                }
            }
        }
        List<String> ids = new ArrayList<>(bought.keySet());
        PurchaseMatrix matrix = new PurchaseMatrix(ids, ids.stream().map(c -> List.copyOf(bought.get(c).keySet()))
                .toList(), ids.stream().map(c -> List.copyOf(bought.get(c).values())).toList());
        PurchaseMatrix.Neighbours[] neighbours = matrix.topK(Recommender.NEIGHBOURS, SimilarityMeasure.COSINE,
                Runtime.getRuntime().availableProcessors(), done -> { });
        Map<String, Integer> position = new HashMap<>();
        ids.forEach(id -> position.put(id, position.size()));

        List<RulesReport.Rule> rules = ItemsetRules.mine(Baskets.of(training.stream().map(Order::products).toList(),
                p.minSupport(), names), p.minSupport(), p.minConfidence(), 0, 2, AssociationRules.MAX_LIMIT);
        Map<String, List<Evidence.RuleFrom>> rulesFrom = new HashMap<>();
        for (RulesReport.Rule r : rules) {
            String from = r.antecedent().get(0);
            rulesFrom.computeIfAbsent(from, a -> new ArrayList<>()).add(new Evidence.RuleFrom(from, names.get(from),
                    r.consequent().get(0), r.confidence(), r.lift()));
        }

        Map<String, Map<String, Long>> buyers = new HashMap<>();
        Map<String, Long> sizes = new HashMap<>();
        Map<String, String> labels = new HashMap<>(Map.of("all", "all customers"));
        bought.forEach((customer, products) -> {
            String country = countries.get(customer);
            sizes.merge("all", 1L, Long::sum);
            products.keySet().forEach(product -> buyers.computeIfAbsent("all", g -> new HashMap<>())
                    .merge(product, 1L, Long::sum));
            if (country != null) {
                String key = "country:" + country;
                labels.put(key, "country " + country);
                sizes.merge(key, 1L, Long::sum);
                products.keySet().forEach(product -> buyers.computeIfAbsent(key, g -> new HashMap<>())
                        .merge(product, 1L, Long::sum));
            }
        });
        Map<String, String> soldNames = new HashMap<>();
        buyers.getOrDefault("all", Map.of()).keySet().forEach(product -> soldNames.put(product, names.get(product)));
        return new TrainingData(matrix, neighbours, position, rulesFrom,
                PopularityPrior.of(buyers, sizes, labels, soldNames), countries, rules.size());
    }

    private static Metrics evaluate(String name, RecommendationWeights weights, TrainingData d,
                                    Map<String, Set<String>> heldOut, int k) {
        double precision = 0;
        double recall = 0;
        int hitCustomers = 0;
        Set<String> recommended = new HashSet<>();
        boolean baseline = name.equals("popularity-baseline");
        for (Map.Entry<String, Set<String>> e : heldOut.entrySet()) {
            String customer = e.getKey();
            int c = d.position().get(customer);
            Set<String> owned = new HashSet<>();
            List<Evidence.RuleFrom> rules = new ArrayList<>();
            for (String product : d.matrix().productsOf(c)) {
                owned.add(product);
                rules.addAll(d.rulesFrom().getOrDefault(product, List.of()));
            }
            PurchaseMatrix.Neighbours n = d.neighbours()[c];
            List<Evidence.Neighbour> neighbours = new ArrayList<>();
            for (int i = 0; i < n.customers().length; i++) {
                neighbours.add(new Evidence.Neighbour(d.matrix().customerId(n.customers()[i]), null, n.scores()[i],
                        d.matrix().productsOf(n.customers()[i])));
            }
            // The baseline is popularity over all customers; the blend's prior is the customer's country.
            PopularityPrior.Group group = d.prior().groupFor(null, baseline ? null : d.countries().get(customer));
            Evidence evidence = new Evidence(customer, owned, Set.of(), neighbours, rules, group, d.prior().names());
            List<Recommendation> recs = Blend.rank(evidence, weights, k, false, d.prior()::sold);
            long hits = recs.stream().filter(r -> e.getValue().contains(r.productId())).count();
            precision += (double) hits / k;
            recall += (double) hits / e.getValue().size();
            hitCustomers += hits > 0 ? 1 : 0;
            recs.forEach(r -> recommended.add(r.productId()));
        }
        int n = Math.max(1, heldOut.size());
        return new Metrics(precision / n, recall / n, (double) hitCustomers / n,
                (double) recommended.size() / Math.max(1, d.prior().names().size()));
    }
}
