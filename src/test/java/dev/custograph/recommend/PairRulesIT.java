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
 * Pair rules computed by Cypher equal a brute-force count written here over the raw files: Groceries (9,835
 * baskets, imported as anonymous orders) and Northwind (830 orders). The same set of rules, every value to 1e-9.
 */
class PairRulesIT {

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
        assertSameRules(groceries, baskets.values(), 0.01, 0.1, 0);
        assertSameRules(groceries, baskets.values(), 0.002, 0.3, 2.0);
    }

    @Test
    void northwindRulesEqualABruteForceCount() {
        Map<String, Set<String>> baskets = new LinkedHashMap<>();
        for (Map<String, String> line : dev.custograph.NorthwindCsv.rows("order-details.csv")) {
            baskets.computeIfAbsent(line.get("orderID"), o -> new TreeSet<>()).add(line.get("productID"));
        }
        assertThat(baskets).hasSize(830);
        // No pair of Northwind products shares more than 8 of its 830 orders: support 0.005 is 5 orders.
        assertSameRules(northwind, baskets.values(), 0.005, 0.05, 0);
    }

    @Test
    void aRunIsMaterialisedAsBoughtWithAndReplacesThePreviousOne() {
        RulesReport first = new AssociationRules(northwind.graph()).run(
                new AssociationRules.Parameters(0.005, 0.05, 0, 1000, false, true));
        List<Map<String, Object>> stored = northwind.graph().readRows("test/bought-with", Map.of());
        assertThat(stored).hasSize(first.rules().size());
        RulesReport second = new AssociationRules(northwind.graph()).run(
                new AssociationRules.Parameters(0.005, 0.1, 0, 5, false, true));
        stored = northwind.graph().readRows("test/bought-with", Map.of());
        assertThat(stored).hasSize(second.rules().size()).hasSize(5);
        assertThat(stored).allSatisfy(r -> assertThat(r.get("runId")).isEqualTo(second.runId()));
    }

    @Test
    void thresholdsOutsideTheirRangeAreRefused() {
        AssociationRules rules = new AssociationRules(northwind.graph());
        assertThatThrownBy(() -> rules.run(new AssociationRules.Parameters(0, 0.5, 0, 10, false, false)))
                .hasMessage("--min-support must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> rules.run(new AssociationRules.Parameters(0.1, 1.5, 0, 10, false, false)))
                .hasMessage("--min-confidence must be in (0, 1], got 1.5");
        assertThatThrownBy(() -> rules.run(new AssociationRules.Parameters(0.1, 0.5, 0, 0, false, false)))
                .hasMessage("--limit must be between 1 and 100000, got 0");
    }

    /** Every ordered pair of distinct items with support and confidence above the minimums, counted directly. */
    private static void assertSameRules(GraphConnection db, java.util.Collection<Set<String>> baskets,
                                        double minSupport, double minConfidence, double minLift) {
        int n = baskets.size();
        Map<String, Integer> single = new HashMap<>();
        Map<List<String>, Integer> pairs = new HashMap<>();
        for (Set<String> basket : baskets) {
            for (String a : basket) {
                single.merge(a, 1, Integer::sum);
                for (String b : basket) {
                    if (!a.equals(b)) {
                        pairs.merge(List.of(a, b), 1, Integer::sum);
                    }
                }
            }
        }
        Map<List<String>, double[]> expected = new HashMap<>();
        pairs.forEach((pair, count) -> {
            double support = (double) count / n;
            double confidence = (double) count / single.get(pair.get(0));
            double lift = confidence / ((double) single.get(pair.get(1)) / n);
            // The same thresholds with the same arithmetic as arules: count >= minSupport * n.
            if (count >= minSupport * n && confidence >= minConfidence && lift >= minLift) {
                expected.put(pair, new double[] {support, confidence, lift, count});
            }
        });
        RulesReport report = new AssociationRules(db.graph()).run(new AssociationRules.Parameters(minSupport,
                minConfidence, minLift, AssociationRules.MAX_LIMIT, false, false));
        assertThat(report.transactions()).isEqualTo(n);
        Map<List<String>, RulesReport.Rule> actual = new HashMap<>();
        report.rules().forEach(r -> actual.put(List.of(r.antecedent().get(0), r.consequent().get(0)), r));
        assertThat(expected).isNotEmpty();
        assertThat(actual.keySet()).as("rules found by Cypher only")
                .isSubsetOf(expected.keySet());
        assertThat(expected.keySet()).as("rules found by the brute force only").isSubsetOf(actual.keySet());
        expected.forEach((pair, values) -> {
            RulesReport.Rule rule = actual.get(pair);
            assertThat(rule.support()).isCloseTo(values[0], within(1e-9));
            assertThat(rule.confidence()).isCloseTo(values[1], within(1e-9));
            assertThat(rule.lift()).isCloseTo(values[2], within(1e-9));
            assertThat(rule.count()).isEqualTo((long) values[3]);
        });
        List<Double> lifts = new ArrayList<>(report.rules().stream().map(RulesReport.Rule::lift).toList());
        assertThat(lifts).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }
}
