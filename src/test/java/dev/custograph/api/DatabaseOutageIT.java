package dev.custograph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import dev.custograph.CustographApplication;
import dev.custograph.graph.EmbeddedNeo4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The server against an external database (a Neo4j started and stopped by the test, reached by a neo4j:// routing
 * URI) that is down when the server starts, comes up, goes down and comes back: the server starts anyway, reports
 * DOWN, answers requests with a classified error, and recovers each time without a restart.
 */
class DatabaseOutageIT {

    private static final String KEY = "outage-it-admin-key-01";
    private static final String DATABASE_PASSWORD = "outage-it-database-password";

    @TempDir
    Path temp;

    @Test
    void theServerStartsWithoutItsDatabaseAndRecoversWhenItComesBack() throws Exception {
        int bolt = freePort();
        EmbeddedNeo4j.Settings settings = new EmbeddedNeo4j.Settings(temp.resolve("external"), bolt,
                EmbeddedNeo4j.Settings.NO_HTTP, DATABASE_PASSWORD);
        // Arguments, not builder properties: those are defaults, below application.properties, whose 5 s retry time
        // would then hold each request of the outage for seconds.
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CustographApplication.class).run(
                "--spring.neo4j.uri=neo4j://localhost:" + bolt, "--spring.neo4j.authentication.username=neo4j",
                "--spring.neo4j.authentication.password=" + DATABASE_PASSWORD, "--server.port=0",
                "--custograph.security.admin-key=" + KEY, "--spring.neo4j.max-transaction-retry-time=1s")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            GraphQlHttp api = GraphQlHttp.withKey(port, KEY);

            assertDown(api);
            try (EmbeddedNeo4j database = EmbeddedNeo4j.start(settings)) {
                assertThat(await(() -> productsAnswer(api))).as("recovered within a minute").isTrue();
                assertThat(health(api).at("/components/neo4j/status").asString()).isEqualTo("UP");
            }
            assertDown(api);
            try (EmbeddedNeo4j again = EmbeddedNeo4j.start(settings)) {
                assertThat(await(() -> productsAnswer(api))).as("recovered again").isTrue();
            }
        }
    }

    @Test
    void healthSaysDownAtOnceWhateverTheDriversRetryTime() throws Exception {
        int bolt = freePort();
        // A long retry time, as a cluster that rides out leader changes would set: requests may wait it out, the
        // health check that tells an orchestrator to route elsewhere must not.
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CustographApplication.class).run(
                "--spring.neo4j.uri=neo4j://localhost:" + bolt, "--spring.neo4j.authentication.username=neo4j",
                "--spring.neo4j.authentication.password=" + DATABASE_PASSWORD, "--server.port=0",
                "--custograph.security.admin-key=" + KEY, "--spring.neo4j.max-transaction-retry-time=120s")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + port + "/actuator/health"))
                    .header("Authorization", "Bearer " + KEY).timeout(java.time.Duration.ofSeconds(20)).build();
            HttpResponse<String> health = java.net.http.HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(503);
            JsonNode body = GraphQlHttp.json(health.body());
            assertThat(body.at("/components/neo4j/status").asString()).isEqualTo("DOWN");
            assertThat(body.at("/components/custograph/details/lastValueRun/status").asString())
                    .isEqualTo("UNKNOWN");
            assertThat(startupRetries()).as("the server retries its start-up steps while the database is down")
                    .isPositive();
        }
        // A stopped server stops retrying: its thread would otherwise try a closed driver every 10 s for ever.
        assertThat(await(() -> startupRetries() == 0)).as("no start-up retry outlives its server").isTrue();
    }

    private static long startupRetries() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals("custograph-startup-retry")).count();
    }

    private static void assertDown(GraphQlHttp api) throws InterruptedException {
        assertThat(await(() -> api.get("/actuator/health").statusCode() == 503)).as("health turns 503").isTrue();
        assertThat(health(api).at("/components/neo4j/status").asString()).isEqualTo("DOWN");
        JsonNode refused = api.post("{ products(first: 1) { totalCount } }");
        assertThat(refused.at("/errors/0/message").asString()).isEqualTo("the database is unavailable; try again later");
        // A client asking for read-your-writes gets the same answer, not a server error.
        JsonNode causal = GraphQlHttp.json(api.post("{ products(first: 1) { totalCount } }", java.util.Map.of(),
                java.util.Map.of(CausalConsistency.HEADER, "FB:a-bookmark-from-before-the-outage")).body());
        assertThat(causal.at("/errors/0/message").asString()).isEqualTo("the database is unavailable; try again later");
        assertThat(causal.at("/errors/0/extensions/classification").asString()).isEqualTo("INTERNAL_ERROR");
    }

    private static boolean productsAnswer(GraphQlHttp api) {
        JsonNode answer = api.post("{ products(first: 1) { totalCount } }");
        return !answer.has("errors") && answer.at("/data/products/totalCount").asInt() == 0;
    }

    private static JsonNode health(GraphQlHttp api) {
        HttpResponse<String> response = api.get("/actuator/health");
        return GraphQlHttp.json(response.body());
    }

    private static boolean await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
