package dev.custograph.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.custograph.NorthwindCsv;
import dev.custograph.TestData;
import dev.custograph.graph.EmbeddedGraphTest;
import dev.custograph.graph.GraphConnection;
import dev.custograph.ingest.Importer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Similar customers on Northwind (89 buying customers) equal a brute-force comparison of every pair written here over
 * the raw CSV files, for each measure: live by Cypher traversal for every customer, and materialised as SIMILAR.
 */
@EmbeddedGraphTest
class SimilarCustomersIT {

    static GraphConnection northwind;
    /** customer -> product -> units, from the CSV files. */
    static Map<String, Map<String, Long>> bought = new TreeMap<>();

    @BeforeAll
    static void importNorthwind(GraphConnection store) {
        northwind = store;
        new Importer(northwind.graph()).run("northwind", List.of(TestData.northwind()));
        Map<String, String> customerOfOrder = new HashMap<>();
        for (Map<String, String> o : NorthwindCsv.rows("orders.csv")) {
            customerOfOrder.put(o.get("orderID"), o.get("customerID"));
        }
        for (Map<String, String> line : NorthwindCsv.rows("order-details.csv")) {
            bought.computeIfAbsent(customerOfOrder.get(line.get("orderID")), c -> new TreeMap<>())
                    .merge(line.get("productID"), Long.parseLong(line.get("quantity")), Long::sum);
        }
    }

    @Test
    void aLiveLookUpEqualsComparingEveryPairOfCustomers() {
        assertThat(bought).hasSize(89);
        SimilarCustomers similar = new SimilarCustomers(northwind.graph());
        for (SimilarityMeasure measure : SimilarityMeasure.values()) {
            for (String customer : bought.keySet()) {
                List<SimilarCustomer> found = similar.of(customer, 10, measure).similar();
                assertSameNeighbours(customer, measure, found.stream().map(SimilarCustomer::customerId).toList(),
                        found.stream().map(SimilarCustomer::score).toList(),
                        found.stream().map(s -> (int) s.sharedProducts()).toList(), 10);
            }
        }
    }

    @Test
    void materialisedNeighboursEqualComparingEveryPairAndReplaceThePreviousRun() {
        SimilarCustomers similar = new SimilarCustomers(northwind.graph());
        similar.materialise(5, SimilarityMeasure.COSINE);
        SimilarCustomers.Report report = similar.materialise(8, SimilarityMeasure.JACCARD);
        assertThat(report.customers()).isEqualTo(89);
        Map<String, List<Map<String, Object>>> stored = new HashMap<>();
        for (Map<String, Object> row : northwind.graph().readRows("test/similar", Map.of())) {
            stored.computeIfAbsent((String) row.get("customerId"), c -> new ArrayList<>()).add(row);
            // Only the latest run's relationships are left.
            assertThat(row.get("runId")).isEqualTo(report.runId());
            assertThat(row.get("measure")).isEqualTo("jaccard");
        }
        assertThat(stored.values().stream().mapToInt(List::size).sum()).isEqualTo(report.relationships());
        for (String customer : bought.keySet()) {
            List<Map<String, Object>> rows = stored.getOrDefault(customer, List.of());
            assertThat(rows).extracting(r -> r.get("rank")).containsExactlyElementsOf(
                    java.util.stream.LongStream.rangeClosed(1, rows.size()).boxed().toList());
            assertSameNeighbours(customer, SimilarityMeasure.JACCARD,
                    rows.stream().map(r -> (String) r.get("otherId")).toList(),
                    rows.stream().map(r -> (Double) r.get("score")).toList(),
                    rows.stream().map(r -> ((Long) r.get("shared")).intValue()).toList(), 8);
        }
    }

    @Test
    void anUnknownCustomerGivesAnEmptyListAndSaysWhy() {
        SimilarCustomers.Lookup lookup = new SimilarCustomers(northwind.graph()).of("NOBODY", 5,
                SimilarityMeasure.COSINE);
        assertThat(lookup.customerExists()).isFalse();
        assertThat(lookup.similar()).isEmpty();
        assertThat(lookup.message()).isEqualTo("no customer with id NOBODY");
    }

    @Test
    void kIsCheckedAndCapped() {
        SimilarCustomers similar = new SimilarCustomers(northwind.graph());
        assertThatThrownBy(() -> similar.of("ALFKI", 0, SimilarityMeasure.COSINE))
                .hasMessage("k: must be at least 1, got 0");
        assertThat(SimilarCustomers.checkedK(1_000_000)).isEqualTo(SimilarCustomers.MAX_K);
        List<SimilarCustomer> all = similar.of("SAVEA", 1_000_000, SimilarityMeasure.COSINE).similar();
        assertSameNeighbours("SAVEA", SimilarityMeasure.COSINE, all.stream().map(SimilarCustomer::customerId).toList(),
                all.stream().map(SimilarCustomer::score).toList(),
                all.stream().map(s -> (int) s.sharedProducts()).toList(), SimilarCustomers.MAX_K);
        assertThatThrownBy(() -> SimilarityMeasure.of("euclid")).hasMessageStartingWith("measure: ");
    }

    /** The top k by brute force: every other customer scored, best first, ties by id. */
    private static void assertSameNeighbours(String customer, SimilarityMeasure measure, List<String> ids,
                                             List<Double> scores, List<Integer> shared, int k) {
        Map<String, Long> mine = bought.get(customer);
        List<Object[]> all = new ArrayList<>();
        for (Map.Entry<String, Map<String, Long>> other : bought.entrySet()) {
            if (other.getKey().equals(customer)) {
                continue;
            }
            Map<String, Long> theirs = other.getValue();
            int common = 0;
            long dot = 0;
            for (Map.Entry<String, Long> p : mine.entrySet()) {
                if (theirs.containsKey(p.getKey())) {
                    common++;
                    dot += p.getValue() * theirs.get(p.getKey());
                }
            }
            if (common == 0) {
                continue;
            }
            double score = switch (measure) {
                case JACCARD -> common / (double) (mine.size() + theirs.size() - common);
                case COSINE -> common / Math.sqrt((double) mine.size() * theirs.size());
                case COSINE_QUANTITY -> dot / Math.sqrt((double) squares(mine) * squares(theirs));
            };
            all.add(new Object[] {other.getKey(), score, common});
        }
        all.sort(Comparator.<Object[]>comparingDouble(e -> -(Double) e[1]).thenComparing(e -> (String) e[0]));
        List<Object[]> top = all.subList(0, Math.min(k, all.size()));
        assertThat(ids).as(customer + " " + measure).containsExactlyElementsOf(
                top.stream().map(e -> (String) e[0]).toList());
        for (int i = 0; i < top.size(); i++) {
            assertThat(scores.get(i)).isCloseTo((Double) top.get(i)[1], within(1e-12));
            assertThat(shared.get(i)).isEqualTo(top.get(i)[2]);
        }
    }

    private static long squares(Map<String, Long> units) {
        return units.values().stream().mapToLong(u -> u * u).sum();
    }
}
