package dev.custograph.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.custograph.CustographApplication;
import dev.custograph.TestData;
import dev.custograph.graph.Graph;
import dev.custograph.graph.GraphInvariants;
import dev.custograph.ingest.Importer;
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
 * placeOrder over HTTP on its own Northwind store (orders it places would disturb the read tests): validated with
 * the field named, nothing written when refused, idempotent by key also under a race, read back at once, and no
 * order lost when clients place orders at the same time.
 */
@SpringBootTest(classes = CustographApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaceOrderIT {

    @DynamicPropertySource
    static void embeddedOnFreePorts(DynamicPropertyRegistry registry) throws Exception {
        EmbeddedApp.onFreePorts(registry, "orders-it", "orders-it-admin-key-01");
        registry.add("custograph.security.keys[0].name", () -> "reporting");
        registry.add("custograph.security.keys[0].role", () -> "analyst");
        registry.add("custograph.security.keys[0].key", () -> "orders-it-analyst-key");
    }

    @LocalServerPort
    int port;
    @Autowired
    Graph graph;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;
    @Autowired
    dev.custograph.recommend.Recommendations recommendations;

    GraphQlHttp api;

    @BeforeAll
    void importNorthwind() {
        new Importer(graph).run("northwind", List.of(TestData.northwind()));
        api = GraphQlHttp.withKey(port, "orders-it-admin-key-01");
    }

    @Test
    void queriesOverGetAreCachedByEtagAndAnOrderChangesTheirTag() {
        String query = "query Totals($id: ID!) { customer(id: $id) { totals { orders } } }";
        Map<String, String> get = Map.of("query", query, "variables", "{\"id\": \"ERNSH\"}");
        var first = api.getGraphQl(get, Map.of());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(GraphQlHttp.json(first.body())).as("the same answer as a POST")
                .isEqualTo(api.post(query, Map.of("id", "ERNSH")));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("private, no-cache");

        var again = api.getGraphQl(get, Map.of("If-None-Match", etag));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        api.post("mutation { placeOrder(input: {idempotencyKey: \"etag-ernsh\", customerId: \"ERNSH\", lines: "
                + "[{productId: \"1\", quantity: 1}]}) { created } }");
        var changed = api.getGraphQl(get, Map.of("If-None-Match", etag));
        assertThat(changed.statusCode()).as("the order changed the answer").isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        assertThat(GraphQlHttp.json(changed.body()).at("/data/customer/totals/orders").asInt())
                .isEqualTo(GraphQlHttp.json(first.body()).at("/data/customer/totals/orders").asInt() + 1);
    }

    @Test
    void theWidgetsEndpointServesTheRecommendationsWithAnEtag() {
        recommendations.refresh();
        var answer = api.get("/widget/recommendations?customer=QUICK&first=3", Map.of());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode widget = GraphQlHttp.json(answer.body());
        JsonNode graphql = api.post("{ recommendations(customerId: \"QUICK\", first: 3) { product { id name price } "
                + "score reasons { kind text product { name } } } }").at("/data");
        assertThat(widget).as("the GraphQL query's answer, field for field").isEqualTo(graphql);
        String etag = answer.headers().firstValue("ETag").orElseThrow();
        assertThat(answer.headers().firstValue("Cache-Control").orElseThrow()).contains("private", "no-cache");
        assertThat(api.get("/widget/recommendations?customer=QUICK&first=3", Map.of("If-None-Match", etag))
                .statusCode()).isEqualTo(304);

        String bought = widget.at("/recommendations/0/product/id").asString();
        api.post("mutation { placeOrder(input: {idempotencyKey: \"widget-quick\", customerId: \"QUICK\", lines: "
                + "[{productId: \"" + bought + "\", quantity: 1}]}) { created } }");
        var after = api.get("/widget/recommendations?customer=QUICK&first=3", Map.of("If-None-Match", etag));
        assertThat(after.statusCode()).as("what QUICK just bought is not offered again").isEqualTo(200);
        assertThat(after.body()).doesNotContain("\"" + bought + "\"");

        assertThat(api.get("/widget/recommendations?customer=NOBODY", Map.of()).statusCode()).isEqualTo(404);
        var tooMany = api.get("/widget/recommendations?customer=QUICK&first=99", Map.of());
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("first: must be 1-24, got 99");
        assertThat(new GraphQlHttp(port).get("/widget/recommendations?customer=QUICK").statusCode()).isEqualTo(401);
    }

    @Test
    void onlyAnAdminKeyMayPlaceOrders() {
        JsonNode refused = GraphQlHttp.withKey(port, "orders-it-analyst-key").post("mutation { placeOrder(input: "
                + "{idempotencyKey: \"a\", customerId: \"BLAUS\", lines: [{productId: \"1\", quantity: 1}]}) "
                + "{ created } }");
        assertThat(refused.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(graph.readRows("orders/order-by-idempotency-key", Map.of("key", "a"))).isEmpty();
    }

    @Test
    void placeOrderIsCheckedIdempotentAndReadBackAtOnce() {
        String totalsQuery = "{ customer(id: \"BLAUS\") { totals { orders revenue } orders { id } } }";
        JsonNode before = api.post(totalsQuery).at("/data/customer");
        double chai = api.post("{ product(id: \"1\") { price } }").at("/data/product/price").asDouble();
        String mutation = """
                mutation($input: PlaceOrderInput!) { placeOrder(input: $input) {
                  created order { id total status customer { id } lines { quantity unitPrice discount product { id } } } } }""";
        Map<String, Object> input = Map.of("idempotencyKey", "it-order-1", "customerId", "BLAUS", "orderDate",
                "2024-05-01", "lines", List.of(Map.of("productId", "1", "quantity", 3),
                        Map.of("productId", "2", "quantity", 1, "unitPrice", 10.0, "discount", 0.1)));

        JsonNode placed = api.post(mutation, Map.of("input", input)).at("/data/placeOrder");
        assertThat(placed.at("/created").asBoolean()).isTrue();
        String orderId = placed.at("/order/id").asString();
        assertThat(placed.at("/order/total").asDouble()).isCloseTo(Math.round((3 * chai + 9.0) * 100) / 100.0,
                within(1e-9));
        assertThat(placed.at("/order/customer/id").asString()).isEqualTo("BLAUS");
        assertThat(placed.at("/order/lines/0/unitPrice").asDouble()).isEqualTo(chai);
        // Read after write: the customer's totals and orders show it at once, cache or not.
        JsonNode after = api.post(totalsQuery).at("/data/customer");
        assertThat(after.at("/totals/orders").asInt()).isEqualTo(before.at("/totals/orders").asInt() + 1);
        assertThat(after.at("/totals/revenue").asDouble()).isCloseTo(before.at("/totals/revenue").asDouble()
                + placed.at("/order/total").asDouble(), within(0.005));
        assertThat(after.at("/orders").toString()).contains(orderId);

        // A retry returns the same order and creates nothing; the same key with another order is refused.
        JsonNode retry = api.post(mutation, Map.of("input", input)).at("/data/placeOrder");
        assertThat(retry.at("/created").asBoolean()).isFalse();
        assertThat(retry.at("/order/id").asString()).isEqualTo(orderId);
        assertThat(api.post(totalsQuery).at("/data/customer/totals/orders").asInt())
                .isEqualTo(after.at("/totals/orders").asInt());
        dev.custograph.graph.GraphCounts counts = dev.custograph.graph.GraphCounts.of(graph);
        Map<String, Object> changed = new java.util.HashMap<>(input);
        changed.put("lines", List.of(Map.of("productId", "1", "quantity", 4)));
        assertRefused(mutation, changed, "idempotencyKey: 'it-order-1' was already used for a different order");
        Map<String, Object> bad = new java.util.HashMap<>(input);
        bad.put("idempotencyKey", "it-order-2");
        bad.put("lines", List.of(Map.of("productId", "1", "quantity", 2), Map.of("productId", "1", "quantity", 0)));
        assertRefused(mutation, bad, "lines[1].quantity: must be 1 or more, got 0");
        bad.put("lines", List.of(Map.of("productId", "no-such", "quantity", 1)));
        assertRefused(mutation, bad, "lines[0].productId: no product with id no-such");
        bad.put("lines", List.of(Map.of("productId", "1", "quantity", 1, "discount", 1.0)));
        assertRefused(mutation, bad, "lines[0].discount: must be at least 0 and below 1, got 1.0");
        bad.put("lines", List.of(Map.of("productId", "1", "quantity", 1)));
        bad.put("customerId", "NOBODY");
        assertRefused(mutation, bad, "customerId: no customer with id NOBODY");
        bad.put("customerId", "BLAUS");
        bad.put("orderId", "10248");
        assertRefused(mutation, bad, "orderId: an order with id 10248 already exists");
        bad.remove("orderId");
        // Money and quantities stay finite and within bounds: 2 x 1e308 was once written as a total of Infinity.
        bad.put("lines", List.of(Map.of("productId", "1", "quantity", 2, "unitPrice", 1e308)));
        assertRefused(mutation, bad, "lines[0].unitPrice: price 1.0E+308 is over the limit of 1000000000");
        bad.put("lines", List.of(Map.of("productId", "1", "quantity", 2_000_000)));
        assertRefused(mutation, bad, "lines[0].quantity: quantity 2000000 is over the limit of 1000000 units");
        bad.put("lines", List.of(Map.of("productId", "1", "quantity", 1)));
        bad.put("orderDate", "9999-12-31");
        assertRefused(mutation, bad, "orderDate: date 9999-12-31 is not between 1900-01-01 and "
                + java.time.LocalDate.now().plusDays(1));
        bad.put("orderDate", "0001-01-01");
        assertRefused(mutation, bad, "orderDate: date 0001-01-01 is not between 1900-01-01");
        assertThat(dev.custograph.graph.GraphCounts.of(graph)).as("a refused order writes nothing").isEqualTo(counts);
        assertThat(api.post("{ dashboard { customers } }").has("errors")).as("nothing unreadable got in").isFalse();
    }

    @Test
    void anOrderDropsOnlyWhatItChangedFromTheCaches() {
        String query = "query($id: ID!) { customer(id: $id) { totals { orders revenue } "
                + "recommendations(first: 5) { product { id } } "
                + "orderHistory(first: 3) { edges { node { id lines { quantity } } } } } }";
        recommendations.refresh();
        JsonNode before = api.post(query, Map.of("id", "FRANK")).at("/data/customer");
        api.post(query, Map.of("id", "TORTU"));
        String suggested = before.at("/recommendations/0/product/id").asString();
        Map<String, Double> reads = CypherCounts.of(meters);

        api.post("mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { created } }", Map.of("input",
                Map.of("idempotencyKey", "cache-frank", "customerId", "FRANK", "lines",
                        List.of(Map.of("productId", suggested, "quantity", 2, "unitPrice", 5.0)))));
        JsonNode after = api.post(query, Map.of("id", "FRANK")).at("/data/customer");
        JsonNode other = api.post(query, Map.of("id", "TORTU")).at("/data/customer");

        assertThat(after.at("/totals/orders").asInt()).isEqualTo(before.at("/totals/orders").asInt() + 1);
        assertThat(after.at("/totals/revenue").asDouble()).isCloseTo(before.at("/totals/revenue").asDouble() + 10.0,
                within(0.005));
        assertThat(after.at("/recommendations").toString()).as("what FRANK just bought is not offered again")
                .doesNotContain("\"" + suggested + "\"");
        assertThat(other.at("/totals/orders").asInt()).isPositive();
        assertThat(after.at("/orderHistory/edges/0/node/lines/0/quantity").asInt()).as("the new order is the latest")
                .isEqualTo(2);
        assertThat(after.at("/orderHistory/edges/1/node/id").asString())
                .isEqualTo(before.at("/orderHistory/edges/0/node/id").asString());
        Map<String, Double> made = CypherCounts.since(reads, CypherCounts.of(meters));
        assertThat(made).as("FRANK's latest orders are read again with their lines, in one read; TORTU's stay cached")
                .containsEntry("read/customer-latest-orders", 1.0).doesNotContainKey("read/lines-of-orders")
                .doesNotContainKey("read/customer-order-history");
        assertThat(made).as("FRANK's totals are read again, once; its recommendations are recomputed from what "
                + "the recommender holds in memory, without a read; TORTU's stay cached, and the memory is not re-read")
                .containsEntry("read/customer-totals", 1.0).doesNotContainKey("recommend/customer-context")
                .doesNotContainKey("recommend/customer-evidence")
                .doesNotContainKey("recommend/all-customer-contexts").doesNotContainKey("similarity/purchases");
    }

    @Test
    void fiftyClientsPlacingSixteenOrdersEachWhileOthersReadLoseNothing() throws Exception {
        String mutation = "mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { created order { id total } } }";
        List<String> customers = List.of("WOLZA", "WARTH", "WELLI", "WHITC", "WILMK");
        Map<String, Double> revenueBefore = new java.util.HashMap<>();
        for (String customer : customers) {
            revenueBefore.put(customer, totals(customer).at("/revenue").asDouble());
        }
        long ordersBefore = countOrders();
        // Fifty clients at once is the contention that matters; sixteen orders each (two of them retried) keep every
        // client racing the others for the whole run, at a cost the suite can carry (forty each took 55 s in CI, sixteen about 25 s).
        int clients = 50;
        int ordersEach = 16;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients + 4);
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<java.util.concurrent.Future<Integer>> readers = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            String customer = customers.get(r);
            readers.add(pool.submit(() -> {
                int reads = 0;
                while (writing.get()) {
                    JsonNode read = api.post("query($id: ID!) { customer(id: $id) { totals { orders revenue } "
                            + "recommendations(first: 3) { product { id } } } }", Map.of("id", customer));
                    assertThat(read.has("errors")).as(read.toString()).isFalse();
                    reads++;
                }
                return reads;
            }));
        }
        List<java.util.concurrent.Future<Map<String, Double>>> writers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            writers.add(pool.submit(() -> {
                Map<String, Double> placedFor = new java.util.HashMap<>();
                for (int i = 0; i < ordersEach; i++) {
                    String customer = customers.get((client + i) % customers.size());
                    Map<String, Object> input = Map.of("idempotencyKey", "load-" + client + "-" + i, "customerId",
                            customer, "lines", List.of(
                                    Map.of("productId", String.valueOf(1 + (client + i) % 77), "quantity", 1 + i % 7,
                                            "unitPrice", 1.25),
                                    Map.of("productId", String.valueOf(1 + (client * 7 + i) % 77), "quantity", 1,
                                            "unitPrice", 2.5, "discount", 0.2)));
                    JsonNode placed = api.post(mutation, Map.of("input", input)).at("/data/placeOrder");
                    assertThat(placed.at("/created").asBoolean()).as(input.toString()).isTrue();
                    if (i % 10 == 0) {
                        // A client that retries gets its order back, not a second one.
                        JsonNode again = api.post(mutation, Map.of("input", input)).at("/data/placeOrder");
                        assertThat(again.at("/created").asBoolean()).isFalse();
                        assertThat(again.at("/order/id").asString()).isEqualTo(placed.at("/order/id").asString());
                    }
                    // Each client reads its own write at once.
                    JsonNode read = api.post("query($id: ID!) { order(id: $id) { total customer { id } } }",
                            Map.of("id", placed.at("/order/id").asString())).at("/data/order");
                    assertThat(read.at("/customer/id").asString()).isEqualTo(customer);
                    double expected = Math.round(((1 + i % 7) * 1.25 + 2.5 * 0.8) * 100) / 100.0;
                    assertThat(read.at("/total").asDouble()).isCloseTo(expected, within(1e-9));
                    placedFor.merge(customer, expected, Double::sum);
                }
                return placedFor;
            }));
        }
        Map<String, Double> placed = new java.util.HashMap<>();
        for (var writer : writers) {
            writer.get().forEach((customer, sum) -> placed.merge(customer, sum, Double::sum));
        }
        writing.set(false);
        for (var reader : readers) {
            assertThat(reader.get()).isPositive();
        }
        pool.shutdown();

        assertThat(countOrders() - ordersBefore).as("no order lost or doubled").isEqualTo(clients * ordersEach);
        for (String customer : customers) {
            assertThat(totals(customer).at("/revenue").asDouble()).as(customer + "'s revenue")
                    .isCloseTo(revenueBefore.get(customer) + placed.get(customer), within(0.01));
        }
        // Every order's total is the sum of its lines, as stored.
        assertThat(graph.readRows("test/orders-whose-total-is-not-their-lines", Map.of())).isEmpty();
    }

    @Test
    void requestsRacingWithOneKeyMakeOneOrder() throws Exception {
        String mutation = "mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { created order { id total } } }";
        int clients = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        List<java.util.concurrent.Future<JsonNode>> racing = new ArrayList<>();
        Map<String, Object> contested = Map.of("idempotencyKey", "contested", "customerId", "WOLZA",
                "lines", List.of(Map.of("productId", "5", "quantity", 2, "unitPrice", 3.0)));
        for (int c = 0; c < clients; c++) {
            racing.add(pool.submit(() -> api.post(mutation, Map.of("input", contested)).at("/data/placeOrder")));
        }
        Set<String> ids = new HashSet<>();
        int created = 0;
        for (var r : racing) {
            JsonNode result = r.get();
            ids.add(result.at("/order/id").asString());
            created += result.at("/created").asBoolean() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(ids).hasSize(1);
        assertThat(created).isEqualTo(1);
    }

    private JsonNode totals(String customerId) {
        return api.post("query($id: ID!) { customer(id: $id) { totals { revenue orders } } }", Map.of("id", customerId))
                .at("/data/customer/totals");
    }

    private long countOrders() {
        return graph.readLong("test/count-orders", Map.of());
    }



    private void assertRefused(String mutation, Map<String, Object> input, String message) {
        JsonNode response = api.post(mutation, Map.of("input", input));
        assertThat(response.at("/errors/0/extensions/classification").asString()).as(message).isEqualTo("BAD_REQUEST");
        assertThat(response.at("/errors/0/message").asString()).startsWith(message);
    }

    /** Whatever these tests changed through the API, the graph model's rules still hold. */
    @AfterAll
    void theGraphModelStillHolds() {
        GraphInvariants.assertHold(graph);
    }
}
