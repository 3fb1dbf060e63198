package dev.custograph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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

/**
 * Two app instances on one database: this test's application (A, with the embedded store) and a second one (B)
 * started against A's Bolt port. A write through either instance is seen by the other within a few seconds, long
 * before its cache entries would expire (10 minutes), through the change counter each polls.
 */
@SpringBootTest(classes = CustographApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterCacheIT {

    private static final String KEY = "cluster-it-admin-key-01";

    @DynamicPropertySource
    static void embeddedOnFreePorts(DynamicPropertyRegistry registry) {
        EmbeddedApp.onFreePorts(registry, "cluster-it", KEY);
        registry.add("custograph.cache.cluster-sync-interval", () -> "200ms");
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
        instanceB = EmbeddedApp.secondInstance(neo4j, KEY, "200ms");
        int portB = EmbeddedApp.port(instanceB);
        a = GraphQlHttp.withKey(portA, KEY);
        b = GraphQlHttp.withKey(portB, KEY);
    }

    @AfterAll
    void stop() {
        instanceB.close();
    }

    @Test
    void aChangeThroughOneInstanceIsSeenByTheOtherWithinSeconds() throws InterruptedException {
        String read = "{ customer(id: \"ANATR\") { name totals { orders } } }";
        assertThat(b.post(read).at("/data/customer/name").asString()).isEqualTo("Ana Trujillo Emparedados y helados");
        assertThat(a.post(read).at("/data/customer/name").asString()).isEqualTo("Ana Trujillo Emparedados y helados");

        a.post("mutation { upsertCustomer(input: {id: \"ANATR\", name: \"Ana Trujillo\"}) { created } }");
        assertThat(a.post(read).at("/data/customer/name").asString()).as("its own write at once").isEqualTo("Ana Trujillo");
        assertThat(awaitName(b, read, "Ana Trujillo")).as("seen by B within 5 s").isLessThan(5_000);

        int orders = a.post(read).at("/data/customer/totals/orders").asInt();
        b.post("mutation { placeOrder(input: {idempotencyKey: \"cluster-1\", customerId: \"ANATR\", "
                + "lines: [{productId: \"1\", quantity: 1}]}) { created } }");
        long waited = awaitValue(() -> a.post(read).at("/data/customer/totals/orders").asInt() == orders + 1);
        assertThat(waited).as("A sees B's order within 5 s").isLessThan(5_000);
    }

    private static long awaitName(GraphQlHttp api, String query, String name) throws InterruptedException {
        return awaitValue(() -> api.post(query).at("/data/customer/name").asString().equals(name));
    }

    private static long awaitValue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long started = System.nanoTime();
        while (System.nanoTime() - started < 10_000_000_000L) {
            if (condition.getAsBoolean()) {
                return (System.nanoTime() - started) / 1_000_000;
            }
            Thread.sleep(50);
        }
        return Long.MAX_VALUE;
    }
}
