package dev.custograph.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.custograph.TestData;
import dev.custograph.graph.GraphConnection;
import dev.custograph.ingest.Importer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules from the graph equal a brute-force count written here over the raw files: Groceries (9,835 baskets,
 * imported as anonymous orders) and Northwind (830 orders). The same set of rules, every value to 1e-9, from both
 * engines (FP-Growth over the projected baskets, and pair rules entirely in Cypher), and for rules of three products.
 */
class AssociationRulesIT {

    static final Path GROCERIES = Path.of("..", "shared", "data", "groceries", "groceries_transactions.csv");

    @TempDir
    static Path temp;
    static GraphConnection groceries;
    static GraphConnection northwind;

    @BeforeAll
    static void importBoth() throws IOException {
        groceries = GraphConnection.open(temp.resolve("groceries"), null, null, null);
        StringBuilder csv = new StringBuilder("order_id,customer_id,order_date,product_id,quantity,unit_price\n");
        List<String> lines = Files.readAllLines(GROCERIES);
        int line = 0;
        for (String row : lines.subList(1, lines.size())) {
            String[] f = row.split(",", 2);
            // An empty customer id: an anonymous basket. One line per (basket, item).
            csv.append('B').append(f[0]).append(",,2024-01-01,\"").append(f[1]).append("\",1,1\n");
            line++;
        }
        assertThat(line).isEqualTo(43_367);
        Path file = Files.writeString(temp.resolve("groceries-lines.csv"), csv);
        new Importer(groceries.graph()).run("lines", List.of(file), temp.resolve("groceries-rejects.csv"));
        northwind = GraphConnection.open(temp.resolve("northwind"), null, null, null);
        new Importer(northwind.graph()).run("northwind", List.of(TestData.northwind()));
    }

    @AfterAll
    static void close() {
        groceries.close();
        northwind.close();
    }

    @Test
    void groceriesRulesEqualABruteForceCount() throws IOException {
        Map<String, Set<String>> baskets = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(GROCERIES);
        for (String row : lines.subList(1, lines.size())) {
            String[] f = row.split(",", 2);
            // arules' label "cream cheese " ends in a space; the import trims ids, as docs/import.md says.
            baskets.computeIfAbsent(f[0], b -> new TreeSet<>()).add(f[1].strip());
        }
        assertThat(baskets).hasSize(9_835);
        for (AssociationRules.Engine engine : AssociationRules.Engine.values()) {
            assertSameRules(groceries, baskets.values(), 0.01, 0.1, 0, 2, engine);
            assertSameRules(groceries, baskets.values(), 0.002, 0.3, 2.0, 2, engine);
        }
        // {A, B} -> {C} as well: 0.002 is 20 baskets, arules finds rules such as {curd, yogurt} -> {whole milk}.
        assertSameRules(groceries, baskets.values(), 0.002, 0.3, 0, 3, AssociationRules.Engine.FPGROWTH);
    }

    @Test
    void northwindRulesEqualABruteForceCount() {
        Map<String, Set<String>> baskets = new LinkedHashMap<>();
        for (Map<String, String> line : dev.custograph.NorthwindCsv.rows("order-details.csv")) {
            baskets.computeIfAbsent(line.get("orderID"), o -> new TreeSet<>()).add(line.get("productID"));
        }
        assertThat(baskets).hasSize(830);
        // No pair of Northwind products shares more than 8 of its 830 orders: support 0.005 is 5 orders.
        for (AssociationRules.Engine engine : AssociationRules.Engine.values()) {
            assertSameRules(northwind, baskets.values(), 0.005, 0.05, 0, 2, engine);
        }
    }

    @Test
    void aRunIsMaterialisedAsBoughtWithAndReplacesThePreviousOne() {
        RulesReport first = new AssociationRules(northwind.graph()).run(
                AssociationRules.Parameters.pairs(0.005, 0.05, 0, 1000, true));
        List<Map<String, Object>> stored = northwind.graph().readRows("test/bought-with", Map.of());
        assertThat(stored).hasSize(first.rules().size());
        RulesReport second = new AssociationRules(northwind.graph()).run(
                AssociationRules.Parameters.pairs(0.005, 0.1, 0, 5, true));
        stored = northwind.graph().readRows("test/bought-with", Map.of());
        assertThat(stored).hasSize(second.rules().size()).hasSize(5);
        assertThat(stored).allSatisfy(r -> assertThat(r.get("runId")).isEqualTo(second.runId()));
    }

    @Test
    void longerRulesAreMaterialisedAsRuleNodesLinkedToTheirProducts() {
        RulesReport run = new AssociationRules(groceries.graph()).run(new AssociationRules.Parameters(0.003, 0.4, 0,
                3, 1000, false, AssociationRules.Engine.FPGROWTH, true));
        List<RulesReport.Rule> longer = run.rules().stream().filter(r -> r.antecedent().size() == 2).toList();
        assertThat(longer).isNotEmpty();
        List<Map<String, Object>> stored = groceries.graph().readRows("test/itemset-rules", Map.of());
        assertThat(stored).hasSize(longer.size());
        Map<List<Object>, RulesReport.Rule> byItems = new HashMap<>();
        longer.forEach(r -> byItems.put(List.of(r.antecedent(), r.consequent()), r));
        for (Map<String, Object> row : stored) {
            RulesReport.Rule rule = byItems.get(List.of(row.get("antecedent"), row.get("consequent")));
            assertThat(rule).as("stored rule %s", row).isNotNull();
            assertThat((Double) row.get("lift")).isEqualTo(rule.lift());
            assertThat((Long) row.get("count")).isEqualTo(rule.count());
            assertThat(row.get("runId")).isEqualTo(run.runId());
        }
        assertThat(groceries.graph().readRows("test/bought-with", Map.of()))
                .hasSize(run.rules().size() - longer.size());
        // A pairs-only run leaves no rule nodes behind.
        new AssociationRules(groceries.graph()).run(AssociationRules.Parameters.pairs(0.01, 0.1, 0, 1000, true));
        assertThat(groceries.graph().readRows("test/itemset-rules", Map.of())).isEmpty();
    }

    @Test
    void thresholdsOutsideTheirRangeAreRefused() {
        AssociationRules rules = new AssociationRules(northwind.graph());
        assertThatThrownBy(() -> rules.run(AssociationRules.Parameters.pairs(0, 0.5, 0, 10, false)))
                .hasMessage("minSupport: must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> rules.run(AssociationRules.Parameters.pairs(0.1, 1.5, 0, 10, false)))
                .hasMessage("minConfidence: must be in (0, 1], got 1.5");
        assertThatThrownBy(() -> rules.run(AssociationRules.Parameters.pairs(0.1, 0.5, 0, 0, false)))
                .hasMessage("limit: must be between 1 and 100000, got 0");
        assertThatThrownBy(() -> rules.run(new AssociationRules.Parameters(0.1, 0.5, 0, 11, 10, false,
                AssociationRules.Engine.FPGROWTH, false))).hasMessage("maxLength: must be between 2 and 10, got 11");
        assertThatThrownBy(() -> rules.run(new AssociationRules.Parameters(0.1, 0.5, 0, 3, 10, false,
                AssociationRules.Engine.CYPHER, false))).hasMessageStartingWith("engine: cypher mines pairs only");
    }

    /**
     * Every rule X -> {y} of up to maxLength products with support, confidence and lift above the minimums, counted
     * directly: each basket's subsets of up to maxLength products are tallied, then each tallied itemset of two or more
     * gives one rule per product on the right.
     */
    private static void assertSameRules(GraphConnection db, java.util.Collection<Set<String>> baskets,
                                        double minSupport, double minConfidence, double minLift, int maxLength,
                                        AssociationRules.Engine engine) {
        int n = baskets.size();
        Map<List<String>, Integer> counts = new HashMap<>();
        for (Set<String> basket : baskets) {
            tallySubsets(new ArrayList<>(basket), 0, new ArrayList<>(), maxLength, counts);
        }
        Map<List<List<String>>, double[]> expected = new HashMap<>();
        counts.forEach((itemset, count) -> {
            if (itemset.size() < 2 || count < minSupport * n) {
                return;
            }
            for (String consequent : itemset) {
                List<String> antecedent = itemset.stream().filter(i -> !i.equals(consequent)).toList();
                double support = (double) count / n;
                double confidence = (double) count / counts.get(antecedent);
                double lift = confidence / ((double) counts.get(List.of(consequent)) / n);
                // The same thresholds with the same arithmetic as arules: count >= minSupport * n.
                if (confidence >= minConfidence && lift >= minLift) {
                    expected.put(List.of(antecedent, List.of(consequent)),
                            new double[] {support, confidence, lift, count});
                }
            }
        });
        RulesReport report = new AssociationRules(db.graph()).run(new AssociationRules.Parameters(minSupport,
                minConfidence, minLift, maxLength, AssociationRules.MAX_LIMIT, false, engine, false));
        assertThat(report.transactions()).isEqualTo(n);
        Map<List<List<String>>, RulesReport.Rule> actual = new HashMap<>();
        report.rules().forEach(r -> actual.put(List.of(r.antecedent(), r.consequent()), r));
        assertThat(actual).as("no rule twice").hasSameSizeAs(report.rules());
        assertThat(expected).isNotEmpty();
        if (maxLength > 2) {
            assertThat(expected.keySet()).anyMatch(rule -> rule.get(0).size() == maxLength - 1);
        }
        assertThat(actual.keySet()).as("rules found by " + engine + " only").isSubsetOf(expected.keySet());
        assertThat(expected.keySet()).as("rules found by the brute force only").isSubsetOf(actual.keySet());
        expected.forEach((rule, values) -> {
            RulesReport.Rule found = actual.get(rule);
            assertThat(found.support()).isCloseTo(values[0], within(1e-9));
            assertThat(found.confidence()).isCloseTo(values[1], within(1e-9));
            assertThat(found.lift()).isCloseTo(values[2], within(1e-9));
            assertThat(found.count()).isEqualTo((long) values[3]);
        });
        List<Double> lifts = new ArrayList<>(report.rules().stream().map(RulesReport.Rule::lift).toList());
        assertThat(lifts).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    /** Counts every subset (in the basket's sorted order) of up to maxLength items. */
    private static void tallySubsets(List<String> items, int from, List<String> chosen, int maxLength,
                                     Map<List<String>, Integer> counts) {
        for (int i = from; i < items.size(); i++) {
            chosen.add(items.get(i));
            counts.merge(List.copyOf(chosen), 1, Integer::sum);
            if (chosen.size() < maxLength) {
                tallySubsets(items, i + 1, chosen, maxLength, counts);
            }
            chosen.remove(chosen.size() - 1);
        }
    }
}
