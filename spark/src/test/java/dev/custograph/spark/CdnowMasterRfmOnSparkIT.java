package dev.custograph.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.custograph.analytics.ProbabilisticValue.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;

/**
 * RFM on the whole CDNOW purchase log (23,570 customers, 69,659 purchases), imported with the product's cdnow format:
 * the Spark job's scores and segments are the in-JVM engine's, customer for customer. Quintiles over large ties (most
 * customers bought once) are where two engines would part if either broke a tie differently.
 */
class CdnowMasterRfmOnSparkIT {

    static final Path MASTER = Path.of("..", "shared", "data", "cdnow", "CDNOW_master.txt");

    @TempDir
    static Path temp;
    static Product.Server server;
    static Neo4jGraph graph;

    @BeforeAll
    static void importTheLogAndServeIt() throws IOException, InterruptedException {
        server = Product.importAndServe(temp, "cdnow", MASTER);
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
    void everyCustomersRfmScoresAndSegmentAreTheInJvmEngines() throws Exception {
        List<String> analyze = new java.util.ArrayList<>(List.of("analyze", "--json"));
        analyze.addAll(server.graphOptions());
        Product.succeed(analyze.toArray(String[]::new));
        Map<String, Map<String, Object>> inJvm = rfm();
        assertThat(inJvm).hasSize(23_570);

        new ValueJob(graph).run(new ValueJob.Parameters(null, null, TimeUnit.WEEK, null, 0.10, 1.0, false, true));

        Map<String, Map<String, Object>> spark = rfm();
        assertThat(spark.keySet()).isEqualTo(inJvm.keySet());
        long differing = inJvm.entrySet().stream().filter(e -> !sameRfm(e.getValue(), spark.get(e.getKey())))
                .count();
        assertThat(differing).as("customers whose RFM differs").isZero();
        // Every segment of the map is used by this base, so the comparison covers all eleven.
        assertThat(spark.values().stream().map(v -> v.get("rfmSegment")).distinct().count()).isGreaterThan(5);
    }

    private static boolean sameRfm(Map<String, Object> expected, Map<String, Object> actual) {
        for (String score : List.of("rfmR", "rfmF", "rfmM", "rfmSegment", "recencyDays", "frequency")) {
            if (!expected.get(score).equals(actual.get(score))) {
                return false;
            }
        }
        assertThat((Double) actual.get("rfmScore")).isEqualTo((Double) expected.get("rfmScore"));
        assertThat((Double) actual.get("monetary")).isCloseTo((Double) expected.get("monetary"), within(1e-6));
        return true;
    }

    private static Map<String, Map<String, Object>> rfm() throws IOException {
        Map<String, Map<String, Object>> scores = new HashMap<>();
        for (Record r : server.query("""
                MATCH (c:Customer) WHERE c.rfmR IS NOT NULL
                RETURN c.customerId AS id, c {.rfmR, .rfmF, .rfmM, .rfmScore, .rfmSegment, .recencyDays, .frequency,
                       .monetary} AS rfm
                """, Map.of())) {
            scores.put(r.get("id").asString(), r.get("rfm").asMap());
        }
        return scores;
    }
}
