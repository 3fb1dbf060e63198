package dev.custograph.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;

/**
 * FP-Growth on Spark against the product's own miner on Groceries (9,835 baskets, 169 products; the arules data set),
 * imported as anonymous orders into the product's embedded Neo4j: the same rules, pairs as BOUGHT_WITH and longer
 * ones as (:AssociationRule), with the same counts, support, confidence and lift. Run through the job's command line,
 * as spark-submit runs it.
 */
class GroceriesRulesOnSparkIT {

    static final Path GROCERIES = Path.of("..", "shared", "data", "groceries", "groceries_transactions.csv");

    @TempDir
    static Path temp;
    static Product.Server server;

    @BeforeAll
    static void importGroceriesAndServeThem() throws IOException, InterruptedException {
        StringBuilder csv = new StringBuilder("order_id,customer_id,order_date,product_id,quantity,unit_price\n");
        List<String> lines = Files.readAllLines(GROCERIES);
        for (String row : lines.subList(1, lines.size())) {
            String[] f = row.split(",", 2);
            // An empty customer id: an anonymous basket; one line per (basket, item).
            csv.append('B').append(f[0]).append(",,2024-01-01,\"").append(f[1]).append("\",1,1\n");
        }
        Path file = Files.writeString(temp.resolve("groceries-lines.csv"), csv);
        server = Product.importAndServe(temp, "lines", file);
        LocalSpark.session();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pairRulesAreTheInJvmMinersRules() throws Exception {
        sameRules("--min-support", "0.01", "--min-confidence", "0.1");
    }

    @Test
    void rulesOfThreeProductsAreTheInJvmMinersRules() throws Exception {
        // 0.002 is 20 baskets: arules finds rules such as {curd, yogurt} -> {whole milk}.
        Map<String, Map<String, Object>> rules = sameRules("--min-support", "0.002", "--min-confidence", "0.3",
                "--max-length", "3");
        assertThat(rules).containsKey("curd|yogurt -> whole milk");
    }

    @Test
    void aWrongOptionIsOneLineOnStderrAndChangesNothing() throws Exception {
        Map<String, Map<String, Object>> before = rulesOnTheGraph();
        Run run = spark("rules", "--min-support", "1.5", "--min-confidence", "0.1", "--json");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).isEqualTo("custograph-spark rules: --min-support: must be in (0, 1], got 1.5");
        assertThat(rulesOnTheGraph()).isEqualTo(before);
    }

    /** Mines with the product, then with the job, the same options; the graph must hold the same rules after each. */
    private static Map<String, Map<String, Object>> sameRules(String... options) throws Exception {
        List<String> product = new ArrayList<>(List.of("rules"));
        product.addAll(List.of(options));
        product.add("--json");
        product.addAll(server.graphOptions());
        Product.succeed(product.toArray(String[]::new));
        Map<String, Map<String, Object>> inJvm = rulesOnTheGraph();
        assertThat(inJvm).isNotEmpty();

        List<String> job = new ArrayList<>(List.of("rules"));
        job.addAll(List.of(options));
        job.add("--json");
        Run run = spark(job.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = RunLedger.JSON.readTree(run.out());
        assertThat(report.get("transactions").asLong()).isEqualTo(9_835);
        assertThat(report.get("rules")).hasSize(inJvm.size());

        Map<String, Map<String, Object>> spark = rulesOnTheGraph();
        assertThat(spark.keySet()).isEqualTo(inJvm.keySet());
        inJvm.forEach((rule, expected) -> {
            Map<String, Object> actual = spark.get(rule);
            assertThat(actual.get("count")).as(rule).isEqualTo(expected.get("count"));
            for (String measure : List.of("support", "confidence", "lift")) {
                assertThat((Double) actual.get(measure)).as("%s of %s", measure, rule)
                        .isCloseTo((Double) expected.get(measure), within(1e-12));
            }
            assertThat(actual.get("runId")).isEqualTo(report.get("runId").asText());
        });
        Map<String, Object> recorded = server.query("""
                MATCH (run:AnalyticsRun {kind: 'rules'}) RETURN run ORDER BY run.finishedAt DESC LIMIT 1
                """, Map.of()).get(0).get("run").asMap();
        assertThat(recorded.get("runId")).isEqualTo(report.get("runId").asText());
        assertThat(recorded.get("rules")).isEqualTo((long) inJvm.size());
        assertThat(recorded.get("transactions")).isEqualTo(9_835L);
        return spark;
    }

    /** Every rule on the graph, pair or longer, keyed "a|b -> c" by product ids. */
    private static Map<String, Map<String, Object>> rulesOnTheGraph() throws IOException {
        Map<String, Map<String, Object>> rules = new HashMap<>();
        for (Record r : server.query("""
                MATCH (a:Product)-[w:BOUGHT_WITH]->(b:Product)
                RETURN [a.productId] AS antecedent, [b.productId] AS consequent, w {.*} AS measures
                UNION ALL
                MATCH (rule:AssociationRule)
                RETURN rule.antecedent AS antecedent, rule.consequent AS consequent, rule {.*} AS measures
                """, Map.of())) {
            String key = String.join("|", r.get("antecedent").asList(v -> v.asString())) + " -> "
                    + String.join("|", r.get("consequent").asList(v -> v.asString()));
            rules.put(key, r.get("measures").asMap());
        }
        return rules;
    }

    record Run(int exitCode, String out, String err) {
    }

    /** The job's command line, in this JVM's local Spark, against the served graph. */
    private static Run spark(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(server.graphOptions());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SparkAnalytics.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
