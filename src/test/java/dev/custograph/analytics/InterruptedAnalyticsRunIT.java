package dev.custograph.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.custograph.CustographApplication;
import dev.custograph.ServeProcess;
import dev.custograph.TestData;
import dev.custograph.api.GraphQlHttp;
import dev.custograph.graph.EmbeddedNeo4j;
import dev.custograph.graph.GraphConnection;
import dev.custograph.ingest.Importer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A server killed with SIGKILL in the middle of an analytics run. To kill it at a known point, the test holds a
 * write lock on one customer over Bolt, so the run's customer batch waits; the run is RUNNING when the process dies.
 * After a restart on the same store: the graph still answers with the last finished run, the dead run is marked
 * INTERRUPTED and health warns; the next run replaces every value, and the warning clears.
 */
class InterruptedAnalyticsRunIT {

    private static final String KEY = "interrupted-run-it-admin-01";

    @TempDir
    Path temp;

    @Test
    void aRunKilledWhileWritingIsMarkedInterruptedAndTheNextRunReplacesIt() throws Exception {
        Path dataDir = temp.resolve("data");
        String finishedRun;
        try (GraphConnection db = GraphConnection.open(dataDir, null, null, null)) {
            new Importer(db.graph()).run("northwind", List.of(TestData.northwind()));
            finishedRun = new ValueAnalysis(db.graph()).run(ValueAnalysis.Parameters.defaults(), null).runId();
        }

        ServeProcess serve = ServeProcess.start(dataDir, KEY, Map.of());
        Process server = serve.process();
        String killedRun = null;
        try (Driver driver = GraphDatabase.driver("bolt://localhost:" + serve.boltPort(),
                EmbeddedNeo4j.storedLogin(dataDir))) {
            GraphQlHttp api = serve.api(KEY);
            try (Session session = driver.session(); Transaction lock = session.beginTransaction()) {
                lock.run("MATCH (c:Customer {customerId: 'ALFKI'}) SET c.heldByTheTest = true").consume();
                api.post("mutation { runAnalytics { id state } }");
                assertThat(await(() -> runningRuns(driver) == 1, 60)).as("the run started writing").isTrue();
                killedRun = driver.executableQuery("MATCH (r:AnalyticsRun {status: 'RUNNING'}) RETURN r.runId AS id")
                        .execute().records().get(0).get("id").asString();
                server.destroyForcibly();
                assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } catch (RuntimeException connectionGoneWithTheServer) {
                // Closing the lock's transaction fails once the server is dead; that is expected.
                assertThat(server.isAlive()).as(connectionGoneWithTheServer.toString()).isFalse();
            }
        } finally {
            server.destroyForcibly();
        }
        assertThat(killedRun).as("the run was caught while RUNNING").isNotNull();

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CustographApplication.class).run(
                "--custograph.data-dir=" + dataDir, "--server.port=0", "--custograph.bolt-port=0",
                "--custograph.http-port=0", "--custograph.security.admin-key=" + KEY);
             Driver graph = GraphDatabase.driver(app.getBean(EmbeddedNeo4j.class).boltUri(),
                     app.getBean(EmbeddedNeo4j.class).authToken())) {
            GraphQlHttp api = GraphQlHttp.withKey(((WebServerApplicationContext) app).getWebServer().getPort(), KEY);

            JsonNode latest = api.post("{ analyticsRun { id } }");
            assertThat(latest.at("/data/analyticsRun/id").asString())
                    .as("the latest run is still the last finished one: %s", latest).isEqualTo(finishedRun);
            assertThat(state(graph, killedRun)).isEqualTo("INTERRUPTED");
            JsonNode valueRun = health(api).at("/components/custograph/details/lastValueRun");
            assertThat(valueRun.at("/runId").asString()).isEqualTo(killedRun);
            assertThat(valueRun.at("/status").asString()).isEqualTo("WARN");
            assertThat(health(api).at("/components/custograph/status").asString()).isEqualTo("WARN");
            assertThat(customersWithValuesOtherThan(graph, finishedRun))
                    .as("the killed batch never committed: every value is the finished run's").isZero();
            assertThat(count(graph, "MATCH (c:Customer) WHERE c.heldByTheTest IS NOT NULL RETURN count(c)", Map.of()))
                    .as("the test's own uncommitted lock write is gone").isZero();

            String jobId = api.post("mutation { runAnalytics { id } }").at("/data/runAnalytics/id").asString();
            assertThat(await(() -> "SUCCEEDED".equals(api.post("query($id: ID!) { job(id: $id) { state } }",
                    Map.of("id", jobId)).at("/data/job/state").asString()), 120)).isTrue();
            String nextRun = api.post("{ analyticsRun { id } }").at("/data/analyticsRun/id").asString();
            assertThat(nextRun).isNotIn(finishedRun, killedRun);
            assertThat(customersWithValuesOtherThan(graph, nextRun)).isZero();
            assertThat(state(graph, killedRun)).as("the dead run stays on record").isEqualTo("INTERRUPTED");
            assertThat(state(graph, nextRun)).isEqualTo("SUCCEEDED");
            assertThat(health(api).at("/components/custograph/details/lastValueRun/status").asString())
                    .isEqualTo("UP");
        }
    }

    private static long runningRuns(Driver driver) {
        return driver.executableQuery("MATCH (r:AnalyticsRun {status: 'RUNNING'}) RETURN count(r) AS n").execute()
                .records().get(0).get("n").asLong();
    }

    private static String state(Driver graph, String runId) {
        return graph.executableQuery("MATCH (r:AnalyticsRun {runId: $runId}) RETURN r.status AS status")
                .withParameters(Map.of("runId", runId)).execute().records().get(0).get("status").asString();
    }

    private static long customersWithValuesOtherThan(Driver graph, String runId) {
        return count(graph, "MATCH (c:Customer) WHERE c.valueRunId IS NOT NULL AND c.valueRunId <> $runId "
                + "RETURN count(c)", Map.of("runId", runId));
    }

    private static long count(Driver graph, String cypher, Map<String, Object> parameters) {
        return graph.executableQuery(cypher).withParameters(parameters).execute().records().get(0).get(0).asLong();
    }

    private static JsonNode health(GraphQlHttp api) {
        return GraphQlHttp.json(api.get("/actuator/health").body());
    }

    private static boolean await(BooleanSupplier condition, int seconds) throws InterruptedException {
        return ServeProcess.await(condition, seconds);
    }
}
