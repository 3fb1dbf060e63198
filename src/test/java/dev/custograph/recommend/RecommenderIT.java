package dev.custograph.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.custograph.NorthwindCsv;
import dev.custograph.TestData;
import dev.custograph.graph.EmbeddedGraphTest;
import dev.custograph.graph.GraphConnection;
import dev.custograph.ingest.Importer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recommendations on Northwind, with BOUGHT_WITH and SIMILAR materialised: every customer's list equals the blend
 * recomputed here from the CSV files (what each customer bought, how many customers bought each product) and the
 * materialised relationships; nothing owned is recommended; reasons name real paths; the same call gives the same
 * list; a customer without orders gets the popular products; an unknown one an empty list and a message.
 */
@EmbeddedGraphTest
class RecommenderIT {

    static GraphConnection northwind;
    static Recommender recommender;
    /** customer -> products bought, from the CSV files. */
    static Map<String, Set<String>> bought = new TreeMap<>();
    static Map<String, String> countries = new HashMap<>();

    @BeforeAll
    static void importAndMaterialise(GraphConnection store) {
        northwind = store;
        new Importer(northwind.graph()).run("northwind", List.of(TestData.northwind()));
        new AssociationRules(northwind.graph()).run(AssociationRules.Parameters.pairs(0.005, 0.1, 0, 1000, true));
        new SimilarCustomers(northwind.graph()).materialise(20, SimilarityMeasure.COSINE);
        recommender = new Recommender(northwind.graph(), () -> PopularityPrior.read(northwind.graph()));
        Map<String, String> customerOfOrder = new HashMap<>();
        for (Map<String, String> o : NorthwindCsv.rows("orders.csv")) {
            customerOfOrder.put(o.get("orderID"), o.get("customerID"));
        }
        for (Map<String, String> line : NorthwindCsv.rows("order-details.csv")) {
            bought.computeIfAbsent(customerOfOrder.get(line.get("orderID")), c -> new HashSet<>())
                    .add(line.get("productID"));
        }
        for (Map<String, String> c : NorthwindCsv.rows("customers.csv")) {
            countries.put(c.get("customerID"), c.get("country"));
        }
    }

    @Test
    void everyCustomersListEqualsTheBlendRecomputedFromTheRawFiles() {
        Map<String, List<Map<String, Object>>> similar = new HashMap<>();
        northwind.graph().readRows("test/similar", Map.of()).forEach(row ->
                similar.computeIfAbsent((String) row.get("customerId"), c -> new ArrayList<>()).add(row));
        Map<String, Map<String, Double>> confidence = new HashMap<>();
        northwind.graph().readRows("test/bought-with", Map.of()).forEach(row -> confidence
                .computeIfAbsent((String) row.get("antecedent"), a -> new HashMap<>())
                .put((String) row.get("consequent"), (Double) row.get("confidence")));
        Map<String, Integer> buyers = new HashMap<>();
        bought.values().forEach(products -> products.forEach(p -> buyers.merge(p, 1, Integer::sum)));
        int topBuyers = buyers.values().stream().max(Integer::compare).orElseThrow();
        // No Northwind country has 20 buying customers, so the prior is over all customers.
        assertThat(bought.keySet().stream().collect(java.util.stream.Collectors.groupingBy(countries::get,
                java.util.stream.Collectors.counting())).values()).allMatch(n -> n < 20);

        for (String customer : bought.keySet()) {
            Set<String> owned = bought.get(customer);
            Map<String, Double> expected = new HashMap<>();
            double totalSimilarity = similar.getOrDefault(customer, List.of()).stream()
                    .mapToDouble(r -> (Double) r.get("score")).sum();
            for (String product : buyers.keySet()) {
                double cf = 0;
                for (Map<String, Object> n : similar.getOrDefault(customer, List.of())) {
                    if (bought.get((String) n.get("otherId")).contains(product)) {
                        cf += (Double) n.get("score") / totalSimilarity;
                    }
                }
                double item = 0;
                for (String mine : owned) {
                    item = Math.max(item, confidence.getOrDefault(mine, Map.of()).getOrDefault(product, 0.0));
                }
                double popularity = (double) buyers.get(product) / topBuyers;
                if (!owned.contains(product)) {
                    expected.put(product, 0.6 * cf + 0.3 * item + 0.1 * popularity);
                }
            }
            List<Recommendation> recs = recommender.recommend(customer, 10, RecommendationWeights.DEFAULT, false)
                    .recommendations();
            assertThat(recs).as(customer).hasSize(Math.min(10, expected.size()));
            Set<String> chosen = new HashSet<>();
            for (Recommendation r : recs) {
                assertThat(owned).as("owned by " + customer).doesNotContain(r.productId());
                assertThat(r.score()).as(customer + " " + r.productId()).isCloseTo(expected.get(r.productId()),
                        within(1e-12));
                chosen.add(r.productId());
            }
            assertThat(recs.stream().map(Recommendation::score).toList())
                    .isSortedAccordingTo((a, b) -> Double.compare(b, a));
            double worstChosen = recs.get(recs.size() - 1).score();
            expected.forEach((product, score) -> {
                if (!chosen.contains(product)) {
                    assertThat(score).as(customer + ": left out " + product).isLessThanOrEqualTo(worstChosen + 1e-12);
                }
            });
        }
    }

    @Test
    void theListsRankedAheadForTheApiEqualThoseReadFromTheGraphForEveryCustomer() {
        try (Recommendations service = new Recommendations(northwind.graph(), RecommendationWeights.DEFAULT,
                Duration.ofMinutes(1), 2)) {
            assertThat(service.forCustomer("SAVEA", 10)).as("before the first snapshot, the graph serves")
                    .isEqualTo(recommender.recommend("SAVEA", 10, RecommendationWeights.DEFAULT, false));
            service.refresh();
            for (String customer : countries.keySet()) {
                // The graph's best 45, whose first k are its best k (a ranking, not a sample).
                List<Recommendation> truth = recommender.recommend(customer, 45, RecommendationWeights.DEFAULT,
                        false).recommendations();
                for (int k : List.of(1, 10, Recommendations.PRECOMPUTED, 45)) {
                    assertThat(service.forCustomer(customer, k).recommendations()).as(customer + ", k = " + k)
                            .isEqualTo(truth.subList(0, Math.min(k, truth.size())));
                }
            }
            assertThat(service.forCustomer("NOBODY", 5).customerExists()).isFalse();
        }
    }

    @Test
    void anOrderIsTakenIntoTheCustomersListAtOnceAndWhatItBoughtIsNotOfferedAgain() {
        try (Recommendations service = new Recommendations(northwind.graph(), RecommendationWeights.DEFAULT,
                Duration.ofMinutes(1), 1)) {
            service.refresh();
            List<Recommendation> before = service.forCustomer("SAVEA", 10).recommendations();
            List<String> bought = before.subList(0, 3).stream().map(Recommendation::productId).toList();
            service.orderPlaced("SAVEA", bought);
            List<Recommendation> after = service.forCustomer("SAVEA", 10).recommendations();
            assertThat(after).extracting(Recommendation::productId).doesNotContainAnyElementsOf(bought)
                    .containsAll(before.subList(3, 10).stream().map(Recommendation::productId).toList());
            assertThat(service.forCustomer("QUICK", 10).recommendations()).as("another customer's list stays")
                    .extracting(Recommendation::productId).isEqualTo(recommender.recommend("QUICK", 10,
                            RecommendationWeights.DEFAULT, false).recommendations().stream()
                            .map(Recommendation::productId).toList());
        }
    }

    @Test
    void aCustomerWhoseProfileChangedIsRankedFromItsContextReadLive() {
        // The change: SAVEA joins a segment the snapshot knows, whose popular products then replace everyone's.
        northwind.graph().write("test/put-customers-in-segment", Map.of("segmentId", "test-segment", "name",
                "test segment", "ids", List.of("QUICK", "ERNSH", "HUNGO", "RATTC")));
        try (Recommendations service = new Recommendations(northwind.graph(), RecommendationWeights.DEFAULT,
                Duration.ofMinutes(1), 1)) {
            service.refresh();
            northwind.graph().write("test/put-customers-in-segment", Map.of("segmentId", "test-segment", "name",
                    "test segment", "ids", List.of("SAVEA")));
            assertThat(popularGroups(service.forCustomer("SAVEA", 30))).as("not told yet: the snapshot's group")
                    .containsOnly("all customers");
            service.customersChanged(List.of("SAVEA"));
            assertThat(popularGroups(service.forCustomer("SAVEA", 30))).isNotEmpty()
                    .containsOnly("segment \"test segment\"");
            assertThat(popularGroups(recommender.recommend("SAVEA", 30, RecommendationWeights.DEFAULT, false)))
                    .as("as the graph says").containsOnly("segment \"test segment\"");
        } finally {
            northwind.graph().write("test/drop-segment", Map.of("segmentId", "test-segment"));
        }
    }

    private static List<String> popularGroups(Recommender.Result result) {
        return result.recommendations().stream().flatMap(r -> r.reasons().stream())
                .filter(reason -> reason.kind().equals("popular")).map(Recommendation.Reason::group).toList();
    }

    @Test
    void reasonsPointAtRealPathsInTheGraph() {
        for (String customer : List.of("ALFKI", "SAVEA", "QUICK", "LAZYK")) {
            for (Recommendation r : recommender.recommend(customer, 10, RecommendationWeights.DEFAULT, false)
                    .recommendations()) {
                assertThat(r.reasons()).isNotEmpty();
                for (Recommendation.Reason reason : r.reasons()) {
                    switch (reason.kind()) {
                        case "similar-customers" -> reason.customerIds().forEach(other -> assertThat(
                                northwind.graph().readLong("test/similar-bought", Map.of("customerId", customer,
                                        "otherId", other, "productId", r.productId()))).as(reason.text())
                                .isEqualTo(1));
                        case "bought-with" -> {
                            assertThat(bought.get(customer)).contains(reason.productId());
                            assertThat(northwind.graph().readRows("test/bought-with", Map.of()))
                                    .anyMatch(rule -> rule.get("antecedent").equals(reason.productId())
                                            && rule.get("consequent").equals(r.productId())
                                            && rule.get("lift").equals(reason.lift()));
                        }
                        case "popular" -> assertThat(reason.group()).isEqualTo("all customers");
                        default -> throw new AssertionError("unknown reason " + reason.kind());
                    }
                }
            }
        }
    }

    @Test
    void theSameCallGivesTheSameListAndOwnedProductsCanBeAllowed() {
        List<Recommendation> once = recommender.recommend("SAVEA", 20, RecommendationWeights.DEFAULT, false)
                .recommendations();
        assertThat(recommender.recommend("SAVEA", 20, RecommendationWeights.DEFAULT, false).recommendations())
                .isEqualTo(once);
        List<Recommendation> consumables = recommender.recommend("SAVEA", 20, RecommendationWeights.DEFAULT, true)
                .recommendations();
        assertThat(consumables).anyMatch(r -> bought.get("SAVEA").contains(r.productId()));
    }

    @Test
    void aCustomerWithoutOrdersGetsTheMostBoughtProducts() {
        Map<String, Integer> buyers = new TreeMap<>();
        bought.values().forEach(products -> products.forEach(p -> buyers.merge(p, 1, Integer::sum)));
        List<String> popular = buyers.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(5).map(Map.Entry::getKey).toList();
        Recommender.Result fissa = recommender.recommend("FISSA", 5, RecommendationWeights.DEFAULT, false);
        assertThat(fissa.customerExists()).isTrue();
        assertThat(fissa.recommendations()).extracting(Recommendation::productId).containsExactlyElementsOf(popular);
        assertThat(fissa.recommendations().get(0).reasons()).singleElement()
                .satisfies(reason -> assertThat(reason.share()).isEqualTo(buyers.get(popular.get(0)) / 89.0));
    }

    @Test
    void anUnknownCustomerGetsAnEmptyListAndAMessageAndKIsChecked() {
        Recommender.Result nobody = recommender.recommend("NOBODY", 5, RecommendationWeights.DEFAULT, false);
        assertThat(nobody.recommendations()).isEmpty();
        assertThat(nobody.message()).isEqualTo("no customer with id NOBODY");
        assertThatThrownBy(() -> recommender.recommend("ALFKI", 0, RecommendationWeights.DEFAULT, false))
                .hasMessage("k: must be at least 1, got 0");
        assertThat(recommender.recommend("ALFKI", Integer.MAX_VALUE, RecommendationWeights.DEFAULT, false)
                .recommendations()).hasSize(77 - bought.get("ALFKI").size());
        assertThatThrownBy(() -> RecommendationWeights.parse("cf=-1")).hasMessageStartingWith("weights: ");
        assertThatThrownBy(() -> RecommendationWeights.parse("magic=1")).hasMessageStartingWith("weights: ");
    }

    @Test
    void theOfflineEvaluationsBaselineEqualsOneComputedFromTheRawFiles() {
        // Each customer's orders by date then id; the last is held out, and only its new products can be hit.
        Map<String, List<String[]>> orders = new TreeMap<>();
        for (Map<String, String> o : NorthwindCsv.rows("orders.csv")) {
            orders.computeIfAbsent(o.get("customerID"), c -> new ArrayList<>())
                    .add(new String[] {o.get("orderDate").substring(0, 10), o.get("orderID")});
        }
        Map<String, Set<String>> lines = new HashMap<>();
        for (Map<String, String> line : NorthwindCsv.rows("order-details.csv")) {
            lines.computeIfAbsent(line.get("orderID"), o -> new HashSet<>()).add(line.get("productID"));
        }
        Map<String, Set<String>> training = new TreeMap<>();
        Map<String, Set<String>> heldOut = new TreeMap<>();
        orders.forEach((customer, own) -> {
            own.sort(java.util.Comparator.<String[], String>comparing(o -> o[0]).thenComparing(o -> o[1]));
            Set<String> before = new HashSet<>();
            int last = own.size() > 1 ? own.size() - 1 : own.size();
            own.subList(0, last).forEach(o -> before.addAll(lines.get(o[1])));
            training.put(customer, before);
            if (own.size() > 1) {
                Set<String> fresh = new HashSet<>(lines.get(own.get(last)[1]));
                fresh.removeAll(before);
                if (!fresh.isEmpty()) {
                    heldOut.put(customer, fresh);
                }
            }
        });
        Map<String, Integer> buyers = new TreeMap<>();
        training.values().forEach(products -> products.forEach(p -> buyers.merge(p, 1, Integer::sum)));
        List<String> byPopularity = buyers.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        double precision = 0;
        double recall = 0;
        int hitCustomers = 0;
        Set<String> recommended = new HashSet<>();
        for (Map.Entry<String, Set<String>> e : heldOut.entrySet()) {
            List<String> top = byPopularity.stream().filter(p -> !training.get(e.getKey()).contains(p)).limit(10)
                    .toList();
            long hits = top.stream().filter(e.getValue()::contains).count();
            precision += hits / 10.0;
            recall += (double) hits / e.getValue().size();
            hitCustomers += hits > 0 ? 1 : 0;
            recommended.addAll(top);
        }
        RecommendationEvaluation.Report report = new RecommendationEvaluation(northwind.graph()).run(
                new RecommendationEvaluation.Parameters(10, 0.003, 0.05, RecommendationWeights.DEFAULT));
        assertThat(report.customersEvaluated()).isEqualTo(heldOut.size());
        assertThat(report.customersWithOneOrder()).isEqualTo(orders.values().stream().filter(o -> o.size() == 1)
                .count());
        RecommendationEvaluation.Metrics baseline = report.strategies().get("popularity-baseline");
        assertThat(baseline.precisionAtK()).isCloseTo(precision / heldOut.size(), within(1e-12));
        assertThat(baseline.recallAtK()).isCloseTo(recall / heldOut.size(), within(1e-12));
        assertThat(baseline.hitRate()).isCloseTo((double) hitCustomers / heldOut.size(), within(1e-12));
        assertThat(baseline.coverage()).isCloseTo((double) recommended.size() / buyers.size(), within(1e-12));
        assertThat(report.strategies()).containsOnlyKeys("blend", "similar-customers", "bought-with",
                "popularity-baseline");
    }
}
