package dev.custograph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.custograph.CustographApplication;
import dev.custograph.TestData;
import dev.custograph.graph.Graph;
import dev.custograph.graph.GraphInvariants;
import dev.custograph.ingest.Importer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Whole answers about one customer are kept and asked again without running a resolver, over HTTP on Northwind:
 * the same answer as the first time, gone as soon as an order or a profile change makes it stale, only for the role it
 * was made for, and audited for every caller it is given to.
 */
@SpringBootTest(classes = CustographApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponseCacheIT {

    private static final String ADMIN = "responses-it-admin-key-01";
    private static final String OPS = "responses-it-ops-key-0001";
    private static final String ANALYST = "responses-it-analyst-key-1";
    private static final String C360 = """
            query Customer360($id: ID!) { customer(id: $id) { name phone totals { orders }
              recommendations(first: 3) { product { id } }
              orderHistory(first: 2) { edges { node { id lines { quantity product { name } } } } } } }""";

    @DynamicPropertySource
    static void embeddedOnFreePorts(DynamicPropertyRegistry registry) throws Exception {
        EmbeddedApp.onFreePorts(registry, "responses-it", ADMIN);
        registry.add("custograph.security.keys[0].name", () -> "ops");
        registry.add("custograph.security.keys[0].role", () -> "admin");
        registry.add("custograph.security.keys[0].key", () -> OPS);
        registry.add("custograph.security.keys[1].name", () -> "reporting");
        registry.add("custograph.security.keys[1].role", () -> "analyst");
        registry.add("custograph.security.keys[1].key", () -> ANALYST);
    }

    @LocalServerPort
    int port;
    @Autowired
    Graph graph;
    @Autowired
    MeterRegistry meters;
    @Autowired
    dev.custograph.recommend.Recommendations recommendations;

    GraphQlHttp admin;

    @BeforeAll
    void importNorthwind() {
        new Importer(graph).run("northwind", List.of(TestData.northwind()));
        // The import schedules a new recommendations snapshot, which drops every kept answer when it lands: read it
        // now, so it cannot land in the middle of a test that counts cache hits (seen in CI under load).
        recommendations.refresh();
        admin = GraphQlHttp.withKey(port, ADMIN);
    }

    @Test
    void askingAgainGetsTheSameAnswerFromTheCache() {
        JsonNode first = admin.post(C360, Map.of("id", "BONAP"));
        assertThat(first.at("/data/customer/name").asString()).isEqualTo("Bon app'");
        assertThat(first.at("/data/customer/orderHistory/edges/0/node/lines/0/product/name").asString()).isNotEmpty();
        double hits = hits();
        JsonNode again = admin.post(C360, Map.of("id", "BONAP"));
        assertThat(again).isEqualTo(first);
        assertThat(hits()).isEqualTo(hits + 1);
    }

    @Test
    void anOrderDropsTheAnswersThatShowItsCustomerAndNoOther() {
        JsonNode frank = admin.post(C360, Map.of("id", "FRANK"));
        admin.post(C360, Map.of("id", "BLAUS"));
        JsonNode order = admin.post("""
                mutation { placeOrder(input: {idempotencyKey: "responses-frank-1", customerId: "FRANK",
                  lines: [{productId: "11", quantity: 2}]}) { order { id } } }""");
        String orderId = order.at("/data/placeOrder/order/id").asString();
        assertThat(orderId).as(order.toString()).isNotEmpty();

        double hits = hits();
        JsonNode after = admin.post(C360, Map.of("id", "FRANK"));
        assertThat(after.at("/data/customer/totals/orders").asInt())
                .isEqualTo(frank.at("/data/customer/totals/orders").asInt() + 1);
        assertThat(after.at("/data/customer/orderHistory/edges/0/node/id").asString()).isEqualTo(orderId);
        assertThat(after.at("/data/customer/orderHistory/edges/0/node/lines/0/quantity").asInt()).isEqualTo(2);
        assertThat(after.at("/data/customer/recommendations").toString()).as("just bought, never offered")
                .doesNotContain("\"11\"");
        assertThat(hits()).as("FRANK's answer was made again").isEqualTo(hits);
        admin.post(C360, Map.of("id", "BLAUS"));
        assertThat(hits()).as("BLAUS's answer stayed").isEqualTo(hits + 1);
    }

    @Test
    void aProfileChangeShowsAtOnce() {
        assertThat(admin.post(C360, Map.of("id", "RICSU")).at("/data/customer/name").asString())
                .isEqualTo("Richter Supermarkt");
        admin.post("mutation { upsertCustomer(input: {id: \"RICSU\", name: \"Richter Markt\"}) { created } }");
        assertThat(admin.post(C360, Map.of("id", "RICSU")).at("/data/customer/name").asString())
                .isEqualTo("Richter Markt");
    }

    @Test
    void aCustomerCreatedAfterItWasAskedForIsFound() {
        assertThat(admin.post(C360, Map.of("id", "NEW01")).at("/data/customer").isNull()).isTrue();
        assertThat(admin.post(C360, Map.of("id", "NEW01")).at("/data/customer").isNull()).isTrue();
        admin.post("mutation { upsertCustomer(input: {id: \"NEW01\", name: \"Newcomer\"}) { created } }");
        assertThat(admin.post(C360, Map.of("id", "NEW01")).at("/data/customer/name").asString())
                .isEqualTo("Newcomer");
    }

    @Test
    void eachRoleGetsItsOwnAnswerAndEachCallerItsOwnAuditEntry() {
        JsonNode full = admin.post(C360, Map.of("id", "WOLZA"));
        assertThat(full.at("/data/customer/phone").asString()).isEqualTo("(26) 642-7012");
        JsonNode masked = GraphQlHttp.withKey(port, ANALYST).post(C360, Map.of("id", "WOLZA"));
        assertThat(masked.at("/data/customer/phone").asString()).isEqualTo("***12");

        double hits = hits();
        assertThat(GraphQlHttp.withKey(port, OPS).post(C360, Map.of("id", "WOLZA"))).isEqualTo(full);
        assertThat(hits()).as("another admin key, the same answer").isEqualTo(hits + 1);
        JsonNode entries = admin.post("{ auditLog(customerId: \"WOLZA\", actor: \"ops\") { edges { node { action "
                + "fields detail } } } }").at("/data/auditLog/edges");
        assertThat(entries).as("the cached answer's read is audited for its caller").hasSize(1);
        assertThat(entries.get(0).at("/node/action").asString()).isEqualTo("read");
        assertThat(entries.get(0).at("/node/fields").toString()).contains("phone").contains("name");
        assertThat(entries.get(0).at("/node/detail").asString()).isEqualTo("query Customer360");
    }

    @Test
    void listsAndTheAuditLogAreAlwaysRun() {
        String list = "{ customers(first: 3, orderBy: ID) { edges { node { id name } } } }";
        admin.post(list);
        double hits = hits();
        admin.post(list);
        admin.post("{ auditLog(first: 1) { edges { node { id } } } }");
        admin.post("{ auditLog(first: 1) { edges { node { id } } } }");
        admin.post("{ a: customer(id: \"ALFKI\") { name } b: dashboard { customers } }");
        admin.post("{ a: customer(id: \"ALFKI\") { name } b: dashboard { customers } }");
        assertThat(hits()).isEqualTo(hits);
    }

    private double hits() {
        return meters.get("cache.gets").tag("cache", "responses").tag("result", "hit").functionCounter().count();
    }

    /** Whatever these tests changed through the API, the graph model's rules still hold. */
    @AfterAll
    void theGraphModelStillHolds() {
        GraphInvariants.assertHold(graph);
    }
}
