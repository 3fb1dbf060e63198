package dev.custograph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.custograph.api.GraphQlHttp;
import dev.custograph.cli.ServeCommand;
import dev.custograph.graph.EmbeddedNeo4j;
import dev.custograph.graph.Graph;
import dev.custograph.ingest.Importer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.graphdb.Transaction;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * With {@code spring.neo4j.uri} set, the app starts no embedded database and works against the external server
 * unchanged. The external server here is a second, separate Neo4j started by neo4j-harness.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExternalNeo4jIT {

    @TempDir
    static Path temp;

    static Neo4j external;
    static ConfigurableApplicationContext app;
    static GraphQlHttp api;

    @BeforeAll
    static void startExternalServerAndTheAppAgainstIt() {
        external = Neo4jBuilders.newInProcessBuilder(temp.resolve("harness"))
                .withDisabledServer()
                .withConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();
        app = ServeCommand.start("--spring.neo4j.uri=" + external.boltURI(), "--server.port=0",
                "--custograph.data-dir=" + temp.resolve("unused-data-dir"),
                "--custograph.security.admin-key=external-it-admin-key");
        api = GraphQlHttp.withKey(((WebServerApplicationContext) app).getWebServer().getPort(),
                "external-it-admin-key");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (external != null) {
            external.close();
        }
    }

    @Test
    @Order(1)
    void noEmbeddedDatabaseStartsAndDataGoesToTheExternalServer() {
        assertThat(app.getBeanProvider(EmbeddedNeo4j.class).getIfAvailable()).isNull();
        assertThat(Files.exists(temp.resolve("unused-data-dir"))).isFalse();

        new Importer(app.getBean(Graph.class)).run("northwind", List.of(TestData.northwind()));

        try (Transaction tx = external.defaultDatabaseService().beginTx()) {
            assertThat(tx.findNodes(org.neo4j.graphdb.Label.label("Customer")).stream().count()).isEqualTo(91);
            // The schema migrations ran against the external server too.
            assertThat(tx.schema().getConstraints()).extracting(c -> c.getName()).contains("customer_id", "order_id");
        }
        JsonNode alfki = api.post("{ customer(id: \"ALFKI\") { name orders { id } } }").at("/data/customer");
        assertThat(alfki.at("/name").asString()).isEqualTo("Alfreds Futterkiste");
        assertThat(alfki.at("/orders").size()).isEqualTo(6);
    }

    @Test
    @Order(2)
    void healthReportsTheExternalServer() {
        JsonNode health = GraphQlHttp.json(api.get("/actuator/health").body());
        assertThat(health.at("/components/neo4j/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/neo4j/details/server").asString())
                .endsWith(":" + external.boltURI().getPort());
    }

    @Test
    @Order(3)
    void whenTheServerGoesAwayHealthIsDownAndRequestsFailCleanly() {
        external.close();
        external = null;

        var health = api.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(GraphQlHttp.json(health.body()).at("/components/neo4j/status").asString()).isEqualTo("DOWN");

        JsonNode response = api.post("{ customer(id: \"BLAUS\") { name } }");
        assertThat(response.at("/errors/0/extensions/classification").asString()).isEqualTo("INTERNAL_ERROR");
        assertThat(response.at("/errors/0/message").asString()).isEqualTo("the database is unavailable; try again later");
    }
}
