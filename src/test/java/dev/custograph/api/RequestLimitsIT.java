package dev.custograph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.custograph.CustographApplication;
import dev.custograph.TestData;
import dev.custograph.graph.EmbeddedNeo4j;
import dev.custograph.graph.Graph;
import dev.custograph.ingest.Importer;
import dev.custograph.recommend.SimilarCustomers;
import dev.custograph.recommend.SimilarityMeasure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * No request, however shaped, may take the server down: bodies over the limit are refused whatever their framing,
 * a query's cost multiplies by the sizes of the lists it asks for (aliases included), and a request that runs past
 * its time budget is stopped with a classified error. Tried through the real HTTP endpoint, with the keys a hostile
 * caller could hold (a widget key is public by design).
 */
@SpringBootTest(classes = CustographApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestLimitsIT {

    static final String ADMIN = "limits-it-admin-key-0001";
    static final String WIDGET = "limits-it-widget-key-0001";
    static final String ANALYST = "limits-it-analyst-key-001";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        EmbeddedApp.onFreePorts(registry, "limits-it", ADMIN);
        registry.add("custograph.security.keys[0].role", () -> "widget");
        registry.add("custograph.security.keys[0].key", () -> WIDGET);
        registry.add("custograph.security.keys[0].signing-secret", () -> "limits-it-widget-secret");
        registry.add("custograph.security.keys[1].role", () -> "analyst");
        registry.add("custograph.security.keys[1].key", () -> ANALYST);
        registry.add("custograph.api.request-timeout", () -> "8s");
    }

    @LocalServerPort
    int port;
    @Autowired
    Graph graph;
    @Autowired
    EmbeddedNeo4j neo4j;

    GraphQlHttp analyst;
    GraphQlHttp admin;

    @BeforeAll
    void northwindWithSimilarCustomers() {
        new Importer(graph).run("northwind", List.of(TestData.northwind()));
        new SimilarCustomers(graph).materialise(10, SimilarityMeasure.COSINE);
        analyst = GraphQlHttp.withKey(port, ANALYST);
        admin = GraphQlHttp.withKey(port, ADMIN);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413WhateverItsFraming() {
        for (String framing : List.of("Transfer-Encoding: chunked", "Transfer-Encoding: ,chunked",
                "Transfer-Encoding: chunked, chunked", "Transfer-Encoding: identity, chunked")) {
            RawHttp.Answer answer = RawHttp.send(port, post(framing), RawHttp.chunked(20L << 20));
            // Tomcat itself refuses a framing it does not implement (501), before anything reads the body.
            assertThat(answer.status()).as(framing + "\n" + answer.head()).isIn(413, 400, 501);
            assertThat(answer.body()).as(framing).contains("\"classification\"");
            if (answer.status() == 413) {
                JsonNode error = GraphQlHttp.json(answer.body()).at("/errors/0");
                assertThat(error.at("/extensions/classification").asString()).as(framing).isEqualTo("BAD_REQUEST");
                assertThat(error.at("/message").asString()).as(framing).contains("1000000 bytes");
            }
        }
        // The plain framing is refused by its limit, not by an accident of parsing.
        assertThat(RawHttp.send(port, post("Transfer-Encoding: ,chunked"), RawHttp.chunked(20L << 20)).status())
                .isEqualTo(413);
        // A small body in the same framing still works.
        RawHttp.Answer small = RawHttp.send(port, post("Transfer-Encoding: ,chunked"), RawHttp.chunked(1000));
        assertThat(small.status()).as(small.head()).isEqualTo(200);
        assertThat(small.body()).contains("\"__typename\":\"Query\"");
    }

    @Test
    void threeHugeBodiesAtOnceLeaveTheHeapWhereItWas() throws Exception {
        long before = heapAfterGc();
        List<CompletableFuture<RawHttp.Answer>> sends = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sends.add(CompletableFuture.supplyAsync(() -> RawHttp.send(port, post("Transfer-Encoding: ,chunked"),
                    RawHttp.chunked(300L << 20))));
        }
        for (CompletableFuture<RawHttp.Answer> send : sends) {
            assertThat(send.get().status()).isEqualTo(413);
        }
        long grown = heapAfterGc() - before;
        assertThat(grown).as("heap growth in bytes").isLessThan(100L << 20);
        assertThat(analyst.post("{ products(first: 1) { totalCount } }").at("/data/products/totalCount").asInt())
                .isEqualTo(77);
    }

    @Test
    void costMultipliesByTheSizesOfTheListsAsked() {
        // Five levels of 100 similar customers: 10^10 customers in one answer.
        String nested = "{ customer(id: \"ALFKI\") { " + "similarCustomers(first: 100) { customer { ".repeat(5) + "id"
                + " } }".repeat(5) + " } }";
        assertRefusedForCost(analyst.post(nested));
        // orders has no first: it counts as its assumed size, and so do an order's lines.
        assertRefusedForCost(analyst.post("{ customers(first: 100) { edges { node { orders { lines { product {"
                + " name } } } } } } }"));
        // What the dashboard's Customer 360 asks is well within the limit, and so is a page of 100 customers.
        JsonNode profile = analyst.post("""
                query Customer360($id: ID!) { customer(id: $id) {
                  id name contactName email phone city country registeredAt
                  totals { orders revenue averageOrderValue firstOrderDate lastOrderDate }
                  value { asOf clv pAlive rfm { recencyDays frequency monetary r f m segment } }
                  segment { name action } churnRisk { probability horizonDays }
                  orderHistory(first: 10) { totalCount edges { node { id orderDate total status } } }
                  similarCustomers(first: 5) { customer { id name } score sharedProducts }
                  recommendations(first: 5) { product { id name price } score reasons { kind text } } } }""",
                Map.of("id", "ALFKI"));
        assertThat(profile.has("errors")).as(profile.toString()).isFalse();
        JsonNode page = analyst.post("{ customers(first: 100) { totalCount edges { node { id name city country } } "
                + "pageInfo { hasNextPage endCursor } } }");
        assertThat(page.at("/data/customers/edges").size()).isEqualTo(91);
    }

    @Test
    void everyAliasCountsTypenameToo() {
        String typenames = "{ " + aliases("__typename", 1001) + " }";
        assertRefusedForCost(analyst.post(typenames));
        assertRefusedForCost(analyst.post("{ " + aliases("products(first: 1) { totalCount }", 600) + " }"));
        JsonNode fine = analyst.post("{ " + aliases("__typename", 50) + " }");
        assertThat(fine.has("errors")).as(fine.toString()).isFalse();
    }

    @Test
    void aRequestPastItsTimeBudgetIsStoppedWithAClassifiedErrorAndChangesNothing() throws Exception {
        try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken());
             Session session = driver.session(); Transaction lock = session.beginTransaction()) {
            // Another writer holds the customer: the mutation waits on its lock.
            lock.run("MATCH (c:Customer {customerId: 'ALFKI'}) SET c.heldByTheTest = true").consume();
            JsonNode answer = admin.post("mutation { upsertCustomer(input: {id: \"ALFKI\", city: \"Timeout City\"}) "
                    + "{ created } }");
            JsonNode error = answer.at("/errors/0");
            assertThat(error.at("/extensions/classification").asString()).as(answer.toString()).isEqualTo("TIMEOUT");
            assertThat(error.at("/message").asString()).contains("time budget of 8 s");
            lock.rollback();
        }
        assertThat(admin.post("{ customer(id: \"ALFKI\") { city } }").at("/data/customer/city").asString())
                .as("the stopped request changed nothing").isEqualTo("Berlin");
        assertThat(admin.get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void theServerStaysHealthyUnderTheHeaviestQueriesTheLimitsLetThrough() throws Exception {
        // Near the cost limit: 100 customers with five similar customers each, and their names.
        String heavy = "{ customers(first: 100) { edges { node { id name similarCustomers(first: 1) { customer {"
                + " id name city country } score } } } } }";
        JsonNode once = analyst.post(heavy);
        assertThat(once.has("errors")).as(once.toString()).isFalse();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<JsonNode>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                answers.add(clients.submit(() -> analyst.post(heavy)));
            }
            for (int i = 0; i < 5; i++) {
                var health = analyst.get("/actuator/health");
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(GraphQlHttp.json(health.body()).at("/status").asString()).isNotEqualTo("DOWN");
            }
            for (Future<JsonNode> answer : answers) {
                assertThat(answer.get().has("errors")).isFalse();
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void everyRefusalFromGraphqlIsGraphQlShapedWithAClassification() {
        String json = "Content-Type: application/json";
        Map<String, RawHttp.Answer> answers = new java.util.LinkedHashMap<>();
        answers.put("a batch of 11", send(json, ("[" + String.join(",", java.util.Collections.nCopies(11,
                "{\"query\": \"{ __typename }\"}")) + "]").getBytes()));
        answers.put("an empty batch", send(json, "[]".getBytes()));
        answers.put("invalid JSON", send(json, "{\"query\": ".getBytes()));
        answers.put("invalid UTF-8", send(json, new byte[] {'{', '"', 'q', '"', ':', '"', (byte) 0xC3, (byte) 0x28,
                '"', '}'}));
        answers.put("query null", send(json, "{\"query\": null}".getBytes()));
        answers.put("variables not an object", send(json, "{\"query\": \"{ __typename }\", \"variables\": [1]}"
                .getBytes()));
        answers.put("wrong content type", send("Content-Type: text/plain", "{ __typename }".getBytes()));
        answers.put("a mutation over GET", RawHttp.send(port, "GET /graphql?query=" + java.net.URLEncoder.encode(
                "mutation { runRules(input: {minSupport: 0.5, minConfidence: 0.5}) { id } }",
                java.nio.charset.StandardCharsets.UTF_8) + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + WIDGET, RawHttp.plain(new byte[0])));
        answers.put("GET with variables that are not JSON", RawHttp.send(port, "GET /graphql?query=%7B__typename%7D"
                + "&variables=%7Bnope HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + WIDGET,
                RawHttp.plain(new byte[0])));
        answers.put("oversized headers", RawHttp.send(port, "POST /graphql HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Padding: " + "p".repeat(20_000) + "\r\nContent-Length: 2", RawHttp.plain("{}".getBytes())));
        answers.put("a framing Tomcat does not implement", RawHttp.send(port, post("Transfer-Encoding: identity, "
                + "chunked"), RawHttp.chunked(10)));
        answers.forEach((what, answer) -> {
            assertThat(answer.status()).as(what + "\n" + answer.head()).isBetween(400, 501);
            assertThat(answer.head().toLowerCase()).as(what).contains("content-type: application/json");
            JsonNode error = GraphQlHttp.json(answer.body()).at("/errors/0");
            assertThat(error.at("/extensions/classification").asString()).as(what + ": " + answer.body())
                    .isIn("BAD_REQUEST", "UNAUTHORIZED");
            assertThat(error.at("/message").asString()).as(what).isNotBlank();
        });
        assertThat(answers.get("a batch of 11").body()).contains("a batch holds 1-10 requests, this one 11");
        assertThat(answers.get("an empty batch").body()).contains("a batch holds 1-10 requests, this one 0");
        assertThat(answers.get("GET with variables that are not JSON").body()).contains("variables: the URL "
                + "parameter is not JSON");
        assertThat(answers.get("invalid UTF-8").body()).contains("not UTF-8");
        assertThat(answers.get("query null").body()).contains("query is missing");
        assertThat(answers.get("wrong content type").status()).isEqualTo(415);
        assertThat(answers.get("a mutation over GET").status()).isEqualTo(405);
        assertThat(answers.get("a mutation over GET").body()).contains("a mutation must be sent with POST");
    }

    @Test
    void anonymousHealthShowsTheStatusOnlyAndAnAdminSeesTheDetails() {
        String anonymousBody = new GraphQlHttp(port).get("/actuator/health").body();
        JsonNode anonymous = GraphQlHttp.json(anonymousBody);
        // The status, and the names of the probe groups (liveness, readiness): no component, version, path or run.
        assertThat(anonymous.propertyNames()).isSubsetOf("status", "groups");
        assertThat(anonymousBody).doesNotContain("components", "details", "neo4j", "runId", "/");
        JsonNode forAdmin = GraphQlHttp.json(admin.get("/actuator/health").body());
        assertThat(forAdmin.at("/components/neo4j/status").asString()).isEqualTo("UP");
        assertThat(forAdmin.at("/components/custograph/details").isObject()).isTrue();
        JsonNode forAnalyst = GraphQlHttp.json(analyst.get("/actuator/health").body());
        assertThat(forAnalyst.has("components")).isFalse();
    }

    private RawHttp.Answer send(String contentType, byte[] body) {
        return RawHttp.send(port, "POST /graphql HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + WIDGET
                + "\r\n" + contentType + "\r\nContent-Length: " + body.length, RawHttp.plain(body));
    }

    private String post(String framing) {
        return "POST /graphql HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer " + WIDGET + "\r\n" + framing;
    }

    private static String aliases(String field, int count) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < count; i++) {
            query.append("a").append(i).append(": ").append(field).append(' ');
        }
        return query.toString();
    }

    private static void assertRefusedForCost(JsonNode answer) {
        JsonNode error = answer.at("/errors/0");
        assertThat(error.at("/extensions/classification").asString()).as(answer.toString()).isEqualTo("BAD_REQUEST");
        assertThat(error.at("/message").asString()).as(answer.toString()).contains("over the limit");
        assertThat(answer.at("/data").isNull() || answer.at("/data").isMissingNode()).isTrue();
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
