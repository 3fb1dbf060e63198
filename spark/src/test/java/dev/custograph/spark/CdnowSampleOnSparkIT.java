package dev.custograph.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custograph.analytics.ProbabilisticValue.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;

/**
 * The Spark job against the in-JVM engine on the CDNOW 1/10th sample (2,357 customers; Fader, Hardie and Lee's data
 * set), both run on the same graph in the product's embedded Neo4j: the in-JVM engine through the product's own
 * commands, then the job in Spark's local mode over Bolt. Whatever the in-JVM engine wrote, the job must write alike.
 */
@SuppressWarnings("unchecked")
class CdnowSampleOnSparkIT {

    static final Path SAMPLE = Path.of("..", "shared", "data", "cdnow", "CDNOW_sample.txt");
    static final LocalDate AS_OF = LocalDate.of(1998, 6, 30);
    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

    @TempDir
    static Path temp;
    static Product.Server server;
    static Neo4jGraph graph;

    @BeforeAll
    static void importTheSampleAndServeIt() throws IOException, InterruptedException {
        // The sample as the product's generic lines format: one order per row (one unit at the row's dollar value),
        // the customer named by the sample's own id.
        StringBuilder csv = new StringBuilder("order_id,customer_id,order_date,product_id,quantity,unit_price\n");
        int row = 0;
        for (String line : Files.readAllLines(SAMPLE)) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            String day = f[2].substring(0, 4) + "-" + f[2].substring(4, 6) + "-" + f[2].substring(6, 8);
            csv.append("S").append(++row).append(',').append(Integer.parseInt(f[1])).append(',').append(day)
                    .append(",CD,1,").append(f[4]).append('\n');
        }
        assertThat(row).isEqualTo(6_919);
        Path file = Files.writeString(temp.resolve("cdnow-sample.csv"), csv);
        server = Product.importAndServe(temp, "lines", file);
        graph = new Neo4jGraph(LocalSpark.session(), server.connection(), 2);
    }

    @AfterAll
    static void stop() {
        if (graph != null) {
            graph.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void valueRunsWriteWhatTheInJvmEngineWritesWithThePublishedModels() throws Exception {
        List<String> analyze = new ArrayList<>(List.of("analyze", "--as-of", AS_OF.toString(), "--calibration-end",
                CALIBRATION_END.toString(), "--json"));
        analyze.addAll(server.graphOptions());
        Product.succeed(analyze.toArray(String[]::new));
        Map<String, Map<String, Object>> inJvm = customerValues();
        Map<String, Object> inJvmRun = latestValueRun();
        assertThat(inJvm).hasSize(2_357);

        Map<String, Object> report = new ValueJob(graph).run(new ValueJob.Parameters(AS_OF, CALIBRATION_END,
                TimeUnit.WEEK, null, 0.10, 1.0, false, true));

        // Fader, Hardie and Lee (2005): r = 0.243, alpha = 4.414, a = 0.793, b = 2.426 in weeks, 39 weeks of
        // calibration; Fader and Hardie (2013): p = 6.25, q = 3.74, gamma = 15.44 on the 946 repeat customers.
        Map<String, Object> run = latestValueRun();
        assertThat(run.get("runId")).isEqualTo(report.get("runId"));
        assertThat(run.get("engine")).isEqualTo("spark");
        assertThat(run.get("status")).isEqualTo("SUCCEEDED");
        assertThat((Double) run.get("r")).isCloseTo(0.243, withinPercentage(0.5));
        assertThat((Double) run.get("alpha")).isCloseTo(4.414, withinPercentage(0.5));
        assertThat((Double) run.get("a")).isCloseTo(0.793, withinPercentage(0.5));
        assertThat((Double) run.get("b")).isCloseTo(2.426, withinPercentage(0.5));
        assertThat((Double) run.get("p")).isCloseTo(6.25, withinPercentage(0.5));
        assertThat((Double) run.get("q")).isCloseTo(3.74, withinPercentage(0.5));
        assertThat((Double) run.get("v")).isCloseTo(15.44, withinPercentage(0.5));
        for (String parameter : List.of("r", "alpha", "a", "b", "p", "q", "v")) {
            assertThat((Double) run.get(parameter)).as(parameter)
                    .isCloseTo((Double) inJvmRun.get(parameter), withinPercentage(1e-4));
        }
        for (String same : List.of("asOf", "customers", "timeUnit", "horizon", "kind")) {
            assertThat(run.get(same)).as(same).isEqualTo(inJvmRun.get(same));
        }

        Map<String, Map<String, Object>> spark = customerValues();
        assertThat(spark.keySet()).isEqualTo(inJvm.keySet());
        for (Map.Entry<String, Map<String, Object>> customer : inJvm.entrySet()) {
            Map<String, Object> expected = customer.getValue();
            Map<String, Object> actual = spark.get(customer.getKey());
            assertThat(actual.keySet()).as(customer.getKey()).isEqualTo(expected.keySet());
            for (String property : expected.keySet()) {
                Object e = expected.get(property);
                Object a = actual.get(property);
                if (property.equals("valueRunId")) {
                    assertThat(a).isEqualTo(report.get("runId"));
                } else if (e instanceof Double d && !property.startsWith("rfm")) {
                    assertThat((Double) a).as("%s of %s", property, customer.getKey())
                            .isCloseTo(d, within(1e-6 * Math.max(1, Math.abs(d))));
                } else {
                    assertThat(a).as("%s of %s", property, customer.getKey()).isEqualTo(e);
                }
            }
        }

        // The served API reads the Spark run's values: its caches dropped what the run replaced.
        String answer = server.graphQl("{ analyticsRun { id bgnbd { r } } customer(id: \"1\") { value { clv } } }");
        assertThat(answer).contains("\"id\":\"" + report.get("runId") + "\"");
        assertThat(answer).contains("\"clv\":" + spark.get("1").get("clv"));
    }

    /** Every customer's value properties, by id (a property that is absent is not in the map). */
    static Map<String, Map<String, Object>> customerValues() throws IOException {
        Map<String, Map<String, Object>> values = new HashMap<>();
        for (Record r : server.query("""
                MATCH (c:Customer) WHERE c.valueRunId IS NOT NULL
                RETURN c.customerId AS id, c {.recencyDays, .frequency, .monetary, .tenureDays, .avgOrderValue,
                       .rfmR, .rfmF, .rfmM, .rfmScore, .rfmSegment, .pAlive, .expectedPurchases, .expectedAvgSpend,
                       .clv, .chaf, .purchaseDays, .firstPurchase, .lastPurchase, .valueRunId, .valueAsOf} AS value
                """, Map.of())) {
            Map<String, Object> value = new HashMap<>(r.get("value").asMap());
            value.values().removeIf(java.util.Objects::isNull);
            values.put(r.get("id").asString(), value);
        }
        return values;
    }

    static Map<String, Object> latestValueRun() throws IOException {
        return server.query("""
                MATCH (run:AnalyticsRun {kind: 'value'}) WHERE run.finishedAt IS NOT NULL
                RETURN run ORDER BY run.finishedAt DESC LIMIT 1
                """, Map.of()).get(0).get("run").asMap();
    }

    @Test
    void segmentsHaveTheInJvmEnginesInertiaNamesAndActions() throws Exception {
        JsonNode inJvm = product("segment", "--k", "4", "--features", "recency,frequency,monetary", "--restarts", "10",
                "--json");

        Map<String, Object> report = new SegmentJob(graph).run(new SegmentJob.Parameters(null, 4,
                List.of("recency", "frequency", "monetary"), "log-zscore", 10, 42, true));

        assertThat((Double) report.get("inertia")).isCloseTo(inJvm.get("inertia").asDouble(), withinPercentage(1));
        assertThat(report.get("customers")).isEqualTo(inJvm.get("customers").asLong());
        // The same four groups: each in-JVM segment's name, action and size (within 2% of the base) has its match.
        List<Map<String, Object>> segments = (List<Map<String, Object>>) report.get("segments");
        assertThat(segments).hasSize(4);
        for (JsonNode expected : inJvm.get("segments")) {
            assertThat(segments).as(expected.toString()).anySatisfy(s -> {
                assertThat(s.get("name")).isEqualTo(expected.get("name").asText());
                assertThat(s.get("action")).isEqualTo(expected.get("action").asText());
                assertThat((Long) s.get("size")).isCloseTo(expected.get("size").asLong(), within(47L));
            });
        }

        // On the graph, only the Spark run's segments are current; each customer is in exactly one, and each
        // segment's centroid is its members' mean, recounted here in Cypher from their orders.
        List<Record> current = server.query("""
                MATCH (s:Segment {current: true})
                OPTIONAL MATCH (s)<-[:IN_SEGMENT]-(c:Customer)
                WITH s, collect(c) AS members
                UNWIND members AS c
                MATCH (c)-[:PLACED]->(o:Order)
                WITH s, size(members) AS size, c, count(o) AS orders, sum(o.total) AS spend, max(o.orderDate) AS last
                RETURN s.runId AS runId, s.size AS recorded, size, avg(orders) AS frequency, avg(spend) AS monetary,
                       avg(duration.inDays(last, date('1998-06-30')).days) AS recency, s.centroidFrequency AS cf,
                       s.centroidMonetary AS cm, s.centroidRecency AS cr
                """, Map.of());
        assertThat(current).hasSize(4).allSatisfy(r -> {
            assertThat(r.get("runId").asString()).isEqualTo(report.get("runId"));
            assertThat(r.get("recorded").asLong()).isEqualTo(r.get("size").asLong());
            assertThat(r.get("cf").asDouble()).isCloseTo(r.get("frequency").asDouble(), within(1e-4));
            assertThat(r.get("cm").asDouble()).isCloseTo(r.get("monetary").asDouble(), within(1e-4));
            assertThat(r.get("cr").asDouble()).isCloseTo(r.get("recency").asDouble(), within(1e-4));
        });
        assertThat(current.stream().mapToLong(r -> r.get("size").asLong()).sum()).isEqualTo(2_357);
        assertThat(server.query("MATCH (s:Segment) WHERE s.current <> true RETURN count(s) AS old", Map.of())
                .get(0).get("old").asLong()).isZero();
        assertThat(latestRun("segment").get("runId")).isEqualTo(report.get("runId"));
    }

    @Test
    void churnHasTheInJvmEnginesCoefficientsAndEvaluation() throws Exception {
        JsonNode inJvm = product("churn", "--cutoff", "1997-12-31", "--horizon-days", "180", "--validation",
                "out-of-time", "--json");
        Map<String, Double> inJvmScores = churnProbabilities();

        Map<String, Object> report = new ChurnJob(graph).run(new ChurnJob.Parameters(LocalDate.of(1997, 12, 31), 180,
                List.of("recency", "frequency", "monetary", "tenure"), "none", 0, "out-of-time", 0.3, 42, true));

        assertThat(report.get("n")).isEqualTo(inJvm.get("n").asLong());
        assertThat(report.get("positives")).isEqualTo(inJvm.get("positives").asLong());
        Map<String, Double> coefficients = (Map<String, Double>) report.get("coefficients");
        assertThat(coefficients.keySet()).containsExactly("intercept", "recency", "frequency", "monetary", "tenure");
        coefficients.forEach((name, value) -> assertThat(value).as(name)
                .isCloseTo(inJvm.get("coefficients").get(name).asDouble(), within(1e-3)));
        // Out of time, both engines train and test on the same customers: the same evaluation.
        Map<String, Object> metrics = (Map<String, Object>) report.get("metrics");
        JsonNode expected = inJvm.get("metrics");
        assertThat(metrics.get("n")).isEqualTo(expected.get("n").asLong());
        for (String metric : List.of("auc", "accuracy", "precision", "recall", "logLoss")) {
            assertThat((Double) metrics.get(metric)).as(metric).isCloseTo(expected.get(metric).asDouble(),
                    within(1e-3));
        }

        Map<String, Double> sparkScores = churnProbabilities();
        assertThat(sparkScores.keySet()).isEqualTo(inJvmScores.keySet());
        inJvmScores.forEach((id, p) -> assertThat(sparkScores.get(id)).as(id).isCloseTo(p, within(1e-3)));
        Map<String, Object> run = latestRun("churn");
        assertThat(run.get("runId")).isEqualTo(report.get("runId"));
        assertThat((Double) run.get("auc")).isCloseTo(expected.get("auc").asDouble(), within(1e-3));
    }

    private static JsonNode product(String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(server.graphOptions());
        return RunLedger.JSON.readTree(Product.succeed(args.toArray(String[]::new)));
    }

    static Map<String, Double> churnProbabilities() throws IOException {
        Map<String, Double> scores = new HashMap<>();
        server.query("MATCH (c:Customer) WHERE c.churnProbability IS NOT NULL RETURN c.customerId AS id, "
                + "c.churnProbability AS p", Map.of()).forEach(r -> scores.put(r.get("id").asString(),
                r.get("p").asDouble()));
        return scores;
    }

    static Map<String, Object> latestRun(String kind) throws IOException {
        return server.query("""
                MATCH (run:AnalyticsRun {kind: $kind}) WHERE run.finishedAt IS NOT NULL
                RETURN run ORDER BY run.finishedAt DESC LIMIT 1
                """, Map.of("kind", kind)).get(0).get("run").asMap();
    }
}
