package dev.custograph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.custograph.CustographApplication;
import dev.custograph.TestData;
import dev.custograph.graph.EmbeddedNeo4j;
import dev.custograph.graph.Graph;
import dev.custograph.ingest.Importer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Read-your-writes across two app instances for a client that carries the {@code Custograph-Bookmark} header. The
 * instances poll the cache change counter only once an hour here, so without the bookmark the second instance keeps
 * serving its cached value; with it, the client's write is seen at once.
 */
@SpringBootTest(classes = CustographApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CausalConsistencyIT {

    private static final String KEY = "causal-it-admin-key-01";
    private static final String READ = "{ customer(id: \"BERGS\") { name totals { orders } } }";

    @DynamicPropertySource
    static void embeddedOnFreePorts(DynamicPropertyRegistry registry) {
        EmbeddedApp.onFreePorts(registry, "causal-it", KEY);
        registry.add("custograph.cache.cluster-sync-interval", () -> "1h");
    }

    @LocalServerPort
    int portA;
    @Autowired
    Graph graph;
    @Autowired
    EmbeddedNeo4j neo4j;

    ConfigurableApplicationContext instanceB;
    GraphQlHttp a;
    GraphQlHttp b;

    @BeforeAll
    void startTheSecondInstance() {
        new Importer(graph).run("northwind", List.of(TestData.northwind()));
        instanceB = EmbeddedApp.secondInstance(neo4j, KEY, "1h");
        a = GraphQlHttp.withKey(portA, KEY);
        b = GraphQlHttp.withKey(EmbeddedApp.port(instanceB), KEY);
    }

    @AfterAll
    void stop() {
        instanceB.close();
    }

    @Test
    void aClientCarryingItsBookmarkReadsItsOwnWriteOnAnotherInstance() {
        HttpResponse<String> first = b.post(READ, Map.of(), Map.of(CausalConsistency.HEADER, ""));
        assertThat(body(first).at("/data/customer/name").asString()).isEqualTo("Berglunds snabbköp");
        String bookmark = first.headers().firstValue(CausalConsistency.HEADER).orElseThrow();
        int orders = body(first).at("/data/customer/totals/orders").asInt();

        HttpResponse<String> write = a.post("mutation { upsertCustomer(input: {id: \"BERGS\", name: \"Berglunds\"}) "
                + "{ created } } ", Map.of(), Map.of(CausalConsistency.HEADER, bookmark));
        assertThat(body(write).has("errors")).as(write.body()).isFalse();
        String afterWrite = write.headers().firstValue(CausalConsistency.HEADER).orElseThrow();
        assertThat(afterWrite).isNotEmpty().isNotEqualTo(bookmark);

        assertThat(b.post(READ).at("/data/customer/name").asString())
                .as("without the bookmark, B still serves its cached value").isEqualTo("Berglunds snabbköp");
        HttpResponse<String> read = b.post(READ, Map.of(), Map.of(CausalConsistency.HEADER, afterWrite));
        assertThat(body(read).at("/data/customer/name").asString()).as("with it, the write at once")
                .isEqualTo("Berglunds");

        String lastBookmark = read.headers().firstValue(CausalConsistency.HEADER).orElseThrow();
        HttpResponse<String> order = b.post("mutation { placeOrder(input: {idempotencyKey: \"causal-1\", "
                + "customerId: \"BERGS\", lines: [{productId: \"1\", quantity: 2}]}) { created } }", Map.of(),
                Map.of(CausalConsistency.HEADER, lastBookmark));
        String afterOrder = order.headers().firstValue(CausalConsistency.HEADER).orElseThrow();
        assertThat(body(a.post(READ, Map.of(), Map.of(CausalConsistency.HEADER, afterOrder)))
                .at("/data/customer/totals/orders").asInt()).as("and the other way round").isEqualTo(orders + 1);
    }

    @Test
    void aBookmarkThisDatabaseDidNotIssueIsRefusedAndHarmsNoOtherRequest() {
        HttpResponse<String> refused = b.post(READ, Map.of(), Map.of(CausalConsistency.HEADER, "not-a-bookmark"));
        JsonNode error = body(refused).at("/errors/0");
        assertThat(error.at("/message").asString()).startsWith("Custograph-Bookmark: not a bookmark of this database");
        assertThat(error.at("/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(body(refused).at("/data").isMissingNode() || body(refused).at("/data").isNull()).isTrue();
        assertThat(b.post(READ).has("errors")).as("later requests are unaffected").isFalse();
        assertThat(a.post(READ).has("errors")).isFalse();
    }

    private static JsonNode body(HttpResponse<String> response) {
        return GraphQlHttp.json(response.body());
    }
}
