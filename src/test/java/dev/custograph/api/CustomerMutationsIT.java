package dev.custograph.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.custograph.CustographApplication;
import dev.custograph.TestData;
import dev.custograph.graph.Graph;
import dev.custograph.graph.GraphInvariants;
import dev.custograph.graph.GraphCounts;
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
 * The customer mutations over HTTP on their own Northwind store: upsert, merge and unmerge, GDPR erasure and export,
 * analytics and rules jobs, and the audit log. Each mutation is followed by reads that were cached before it, which
 * must show its effect at once.
 */
@SpringBootTest(classes = CustographApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerMutationsIT {

    private static final String ADMIN = "mutations-it-admin-key";
    private static final String ANALYST = "mutations-it-analyst-key";

    @DynamicPropertySource
    static void embeddedOnFreePorts(DynamicPropertyRegistry registry) {
        EmbeddedApp.onFreePorts(registry, "mutations-it", ADMIN);
        registry.add("custograph.security.keys[0].name", () -> "reporting");
        registry.add("custograph.security.keys[0].role", () -> "analyst");
        registry.add("custograph.security.keys[0].key", () -> ANALYST);
    }

    @LocalServerPort
    int port;
    @Autowired
    Graph graph;
    @Autowired
    dev.custograph.audit.AuditLog audit;
    @Autowired
    dev.custograph.recommend.Recommendations recommendations;

    GraphQlHttp admin;

    @BeforeAll
    void importNorthwind() {
        new Importer(graph).run("northwind", List.of(TestData.northwind()));
        admin = GraphQlHttp.withKey(port, ADMIN);
    }

    private static final String UPSERT = """
            mutation($input: UpsertCustomerInput!) { upsertCustomer(input: $input) {
              created changedFields customer { id name email phone country city birthDate } } }""";

    @Test
    void upsertCreatesStandardisesChangesAndIsReadBackAtOnce() {
        JsonNode created = admin.post(UPSERT, Map.of("input", Map.of("id", "NEW01", "name", "  Neue   Kundin ",
                "email", "Anna.Schmidt@Example.COM", "phone", "030 12345678", "country", "DE", "birthDate",
                "1990-02-28")));
        assertThat(created.has("errors")).as(created.toString()).isFalse();
        created = created.at("/data/upsertCustomer");
        assertThat(created.at("/created").asBoolean()).isTrue();
        assertThat(created.at("/changedFields").toString())
                .isEqualTo("[\"birthDate\",\"country\",\"email\",\"name\",\"phone\"]");
        assertThat(created.at("/customer/birthDate").asString()).isEqualTo("1990-02-28");
        assertThat(GraphQlHttp.withKey(port, ANALYST).post("{ customer(id: \"NEW01\") { birthDate } }")
                .at("/data/customer/birthDate").isNull()).as("an analyst sees no birth date").isTrue();
        assertThat(created.at("/customer/name").asString()).isEqualTo("Neue Kundin");
        assertThat(created.at("/customer/email").asString()).isEqualTo("anna.schmidt@example.com");
        assertThat(created.at("/customer/phone").asString()).isEqualTo("+493012345678");
        assertThat(created.at("/customer/country").asString()).isEqualTo("Germany");

        // A cached customer changes: the next read shows the new value; a field sent as null is removed.
        String read = "{ customer(id: \"BLAUS\") { email city region identities { source externalId primary } } }";
        assertThat(admin.post(read).at("/data/customer/city").asString()).isEqualTo("Mannheim");
        Map<String, Object> change = new HashMap<>();
        change.put("id", "BLAUS");
        change.put("email", "orders@blauer-see.de");
        change.put("city", null);
        JsonNode changed = admin.post(UPSERT, Map.of("input", change)).at("/data/upsertCustomer");
        assertThat(changed.at("/created").asBoolean()).isFalse();
        JsonNode after = admin.post(read).at("/data/customer");
        assertThat(after.at("/email").asString()).isEqualTo("orders@blauer-see.de");
        assertThat(after.at("/city").isNull()).isTrue();
        assertThat(after.at("/identities").toString()).contains("\"source\":\"api\"", "\"externalId\":\"BLAUS\"");

        // Refused values name their field and write nothing. The reads above are audited in the background: written
        // first, so the counts compare only what the refused requests did.
        audit.flush();
        GraphCounts counts = GraphCounts.of(graph);
        assertBadRequest(UPSERT, Map.of("input", Map.of("id", "NEW02", "email", "not-an-email")),
                "email: 'not-an-email' is not an email address");
        assertBadRequest(UPSERT, Map.of("input", Map.of("id", "NEW02", "phone", "12")),
                "phone: '12' is not a valid phone number");
        assertBadRequest(UPSERT, Map.of("input", Map.of("id", "NEW02", "country", "Atlantis")),
                "country: 'Atlantis' is not a country name or ISO code we know");
        assertBadRequest(UPSERT, Map.of("input", Map.of("id", "NEW02")), "input: no field to set");
        // Birth dates follow the import's rule; dates and text stay within the bounds every entry point holds.
        assertBadRequest(UPSERT, Map.of("input", Map.of("id", "NEW02", "birthDate", "2999-01-01")),
                "birthDate: birth date 2999-01-01 is not between 1900-01-01 and today");
        assertBadRequest(UPSERT, Map.of("input", Map.of("id", "NEW02", "registeredAt", "0001-01-01")),
                "registeredAt: date 0001-01-01 is not between 1900-01-01 and");
        assertBadRequest(UPSERT, Map.of("input", Map.of("id", "NEW02", "email", "a\u0000b@example.com")),
                "email: holds the control character U+0000 at position 2");
        assertBadRequest(UPSERT, Map.of("input", Map.of("id", "NEW02", "name", "n".repeat(501))),
                "name: is 501 characters long, over the limit of 500");
        assertThat(GraphCounts.of(graph)).isEqualTo(counts);
        assertThat(admin.post("{ customer(id: \"NEW02\") { id } }").at("/data/customer").isNull()).isTrue();
    }

    @Test
    void anAdminFindsACustomerByEmailInAnyCaseAndAnAnalystMayNotSearchByIt() {
        admin.post(UPSERT, Map.of("input", Map.of("id", "MAIL1", "name", "Mail Search", "email",
                "Search.Me@Example.org", "country", "FR")));
        String search = "query($e: String) { customers(filter: {email: $e}) { totalCount edges { node { id } } } }";
        JsonNode found = admin.post(search, Map.of("e", "SEARCH.me@example.ORG")).at("/data/customers");
        assertThat(found.at("/totalCount").asInt()).isEqualTo(1);
        assertThat(found.at("/edges/0/node/id").asString()).isEqualTo("MAIL1");
        assertThat(admin.post(search, Map.of("e", "nobody@example.org")).at("/data/customers/totalCount").asInt())
                .isZero();
        JsonNode refused = GraphQlHttp.withKey(port, ANALYST).post(search, Map.of("e", "search.me@example.org"));
        assertThat(refused.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(refused.at("/errors/0/message").asString())
                .isEqualTo("filter.email: searching by personal data needs an admin key");
    }

    @Test
    void mergeAndUnmergeShowAtOnceInCachedReads() {
        recommendations.refresh();
        assertThat(customersWhoseRecommendationsName("FRANR")).as("FRANR is a reason in others' recommendations")
                .isNotEmpty();
        String read = "query($id: ID!) { customer(id: $id) { id totals { orders revenue } } }";
        JsonNode survivor = admin.post(read, Map.of("id", "FOLKO")).at("/data/customer/totals");
        JsonNode merged = admin.post(read, Map.of("id", "FRANR")).at("/data/customer/totals");

        JsonNode merge = admin.post("""
                mutation { mergeCustomers(input: {survivorId: "FOLKO", mergedId: "FRANR", reason: "test"}) {
                  mergeId ordersMoved survivor { totals { orders revenue } } } }""").at("/data/mergeCustomers");
        assertThat(merge.at("/ordersMoved").asInt()).isEqualTo(merged.at("/orders").asInt());
        assertThat(merge.at("/survivor/totals/orders").asInt())
                .isEqualTo(survivor.at("/orders").asInt() + merged.at("/orders").asInt());
        assertThat(admin.post(read, Map.of("id", "FRANR")).at("/data/customer").isNull()).isTrue();
        assertThat(admin.post(read, Map.of("id", "FOLKO")).at("/data/customer/totals/revenue").asDouble())
                .isCloseTo(survivor.at("/revenue").asDouble() + merged.at("/revenue").asDouble(), within(0.01));
        assertBadRequest(UPSERT, Map.of("input", Map.of("id", "FRANR", "city", "Paris")),
                "id: customer FRANR was merged into FOLKO");
        assertThat(customersWhoseRecommendationsName("FRANR")).as("no recommendation names the merged customer")
                .isEmpty();
        List<String> franrBought = graph.readRows("test/products-bought-by", Map.of("customerId", "FOLKO")).stream()
                .map(row -> (String) row.get("productId")).toList();
        assertThat(recommendedTo("FOLKO")).as("the survivor is not offered what the merged customer bought")
                .doesNotContainAnyElementsOf(franrBought);

        JsonNode undo = admin.post("""
                mutation { unmergeCustomers(input: {survivorId: "FOLKO", mergedId: "FRANR"}) {
                  mergeId restored { id totals { orders } } survivor { totals { orders } } } }""")
                .at("/data/unmergeCustomers");
        assertThat(undo.at("/mergeId").asString()).isEqualTo(merge.at("/mergeId").asString());
        assertThat(undo.at("/restored/totals/orders").asInt()).isEqualTo(merged.at("/orders").asInt());
        assertThat(admin.post(read, Map.of("id", "FOLKO")).at("/data/customer/totals/orders").asInt())
                .isEqualTo(survivor.at("/orders").asInt());
        assertBadRequest("mutation { unmergeCustomers(input: {survivorId: \"FOLKO\", mergedId: \"FRANR\"}) "
                + "{ mergeId } }", Map.of(), "there is no merge of 'FRANR' into 'FOLKO' to undo");
    }

    @Test
    void eraseRemovesThePersonFromGraphAndCachesButKeepsTheAggregates() {
        // Ids a shop builds from the customer's id, and a client's operation name that spells it out.
        JsonNode placed = admin.post("""
                mutation { placeOrder(input: {idempotencyKey: "checkout-ALFKI-7", customerId: "ALFKI",
                  orderId: "WEB-ALFKI-7", lines: [{productId: "1", quantity: 2}]}) { order { id } } }""");
        assertThat(placed.at("/data/placeOrder/order/id").asString()).as(placed.toString()).isEqualTo("WEB-ALFKI-7");
        GraphQlHttp.withKey(port, ANALYST).post("query ProfileOfALFKI { customer(id: \"ALFKI\") { email } }");
        String orderId = "WEB-ALFKI-7";
        assertThat(admin.post("{ order(id: \"" + orderId + "\") { id } }").at("/data/order/id").asString())
                .isEqualTo(orderId);

        JsonNode before = admin.post("{ customer(id: \"ALFKI\") { name contactName email phone totals { orders } "
                + "similarCustomers(first: 1) { customer { id } } } dashboard { revenueByMonth { revenue } } }")
                .at("/data");
        String neighbour = before.at("/customer/similarCustomers/0/customer/id").asString();
        String neighboursList = "{ similarCustomers(customerId: \"" + neighbour + "\", first: 100) { customer { id } } }";
        assertThat(admin.post(neighboursList).at("/data").toString()).contains("\"ALFKI\"");
        recommendations.refresh();
        List<String> naming = customersWhoseRecommendationsName("ALFKI");
        assertThat(naming).as("ALFKI is a reason in others' recommendations before").isNotEmpty();
        String name = before.at("/customer/name").asString();
        String contact = before.at("/customer/contactName").asString();
        JsonNode erased = admin.post("mutation { eraseCustomer(input: {id: \"ALFKI\", reason: \"ticket 42 from "
                + "ALFKI\"}) { erasedId pseudonym removedFields ordersKept } }").at("/data/eraseCustomer");
        assertThat(erased.at("/erasedId").asString()).isEqualTo("ALFKI");
        String pseudonym = erased.at("/pseudonym").asString();
        assertThat(pseudonym).startsWith("erased-");
        assertThat(erased.at("/removedFields").toString()).contains("\"name\"", "\"contactName\"", "\"phone\"");
        assertThat(erased.at("/ordersKept").asInt()).isEqualTo(before.at("/customer/totals/orders").asInt());

        assertThat(admin.post("{ customer(id: \"ALFKI\") { id } }").at("/data/customer").isNull()).isTrue();
        assertThat(admin.post("{ order(id: \"" + orderId + "\") { id } }").at("/data/order").isNull())
                .as("the order's old id is gone from the cache too").isTrue();
        assertThat(admin.post(neighboursList).at("/data").toString()).doesNotContain("\"ALFKI\"");
        assertThat(customersWhoseRecommendationsName("ALFKI")).as("no recommendation names ALFKI any more").isEmpty();
        recommendations.refresh();
        assertThat(customersWhoseRecommendationsName("ALFKI")).as("nor after the next snapshot").isEmpty();
        audit.flush();
        for (String value : List.of("ALFKI", name, contact)) {
            assertThat(graph.readLong("test/properties-mentioning-value", Map.of("value", value)))
                    .as("nothing in the graph still holds or encodes " + value).isZero();
        }
        assertThat(graph.readLong("test/properties-mentioning-value", Map.of("value", "ProfileOfALFKI"))).isZero();
        assertThat(admin.post("{ order(id: \"WEB-" + pseudonym + "-7\") { id customer { id } } }")
                .at("/data/order/customer/id").asString()).isEqualTo(pseudonym);
        assertThat(admin.post("{ dashboard { revenueByMonth { revenue } } }").at("/data/dashboard"))
                .as("anonymised orders keep the aggregates").isEqualTo(before.at("/dashboard"));
        JsonNode export = admin.post("mutation { exportCustomer(id: \"ALFKI\") { customerId } }");
        assertThat(export.at("/errors/0/extensions/classification").asString()).isEqualTo("NOT_FOUND");
        JsonNode auditLog = admin.post("{ auditLog(customerId: \"" + pseudonym + "\") { totalCount edges { node {"
                + " action actor detail } } } }").at("/data/auditLog");
        JsonNode log = auditLog.at("/edges");
        assertThat(log.toString()).contains("\"action\":\"erase\"", "ticket 42 from " + pseudonym,
                "\"actor\":\"admin\"", "\"action\":\"read\"").doesNotContain("ALFKI");
        // totalCount counts every page: a page of one still says how many there are.
        assertThat(auditLog.at("/totalCount").asInt()).isEqualTo(log.size()).isGreaterThan(1);
        assertThat(admin.post("{ auditLog(customerId: \"" + pseudonym + "\", first: 1) { totalCount edges { cursor } }"
                + " }").at("/data/auditLog/totalCount").asInt()).isEqualTo(log.size());
        assertThat(admin.post("{ auditLog(customerId: \"ALFKI\") { edges { node { action } } } }")
                .at("/data/auditLog/edges").size()).isZero();
    }

    @Test
    void exportHoldsEverythingOnTheCustomerAndIsAudited() throws Exception {
        JsonNode data = admin.post("mutation { exportCustomer(id: \"BERGS\") { customerId exportedAt data } }")
                .at("/data/exportCustomer");
        assertThat(data.at("/customerId").asString()).isEqualTo("BERGS");
        JsonNode document = data.at("/data");
        assertThat(document.at("/profile/name").asString()).isEqualTo("Berglunds snabbköp");
        assertThat(document.at("/orders").size()).isEqualTo(ordersInCsv("BERGS"));
        assertThat(document.at("/orders/0/lines").size()).isPositive();
        assertThat(document.at("/identities/0/source").asString()).isEqualTo("northwind");
        JsonNode audit = admin.post("{ auditLog(customerId: \"BERGS\", first: 5) { edges { node { action } } } }");
        assertThat(audit.at("/data/auditLog/edges").toString()).contains("\"export\"");
    }

    @Test
    void personalReadsAreAuditedAndOnlyAdminsReadTheLog() {
        admin.post("query Who { customer(id: \"CHOPS\") { name email phone } }");
        JsonNode entries = admin.post("{ auditLog(customerId: \"CHOPS\", actor: \"admin\") "
                + "{ edges { node { action role fields detail customerIds } } } }").at("/data/auditLog/edges");
        assertThat(entries.toString()).contains("\"action\":\"read\"", "\"detail\":\"query Who\"",
                "\"fields\":[\"email\",\"name\",\"phone\"]");
        GraphQlHttp analyst = GraphQlHttp.withKey(port, ANALYST);
        analyst.post("{ customer(id: \"CHOPS\") { email } }");
        assertThat(analyst.post("{ auditLog { edges { node { action } } } }")
                .at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(analyst.post("{ customer(id: \"CHOPS\") { identities { email } } }")
                .at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(admin.post("{ auditLog(customerId: \"CHOPS\", actor: \"reporting\") { edges { node { role } } } }")
                .at("/data/auditLog/edges/0/node/role").asString()).isEqualTo("analyst");
        assertThat(analyst.post("mutation { eraseCustomer(input: {id: \"CHOPS\"}) { erasedId } }")
                .at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
    }

    @Test
    void jobsRunInTheBackgroundAndTheirResultsAreReadAtOnce() throws Exception {
        assertBadRequest("mutation { runRules(input: {minSupport: 0, minConfidence: 0.5}) { id } }", Map.of(),
                "input.minSupport: must be in (0, 1], got 0.0");
        assertBadRequest("mutation { runAnalytics(input: {churnCutoff: \"1998-01-01\"}) { id } }", Map.of(),
                "input.churnHorizonDays: is needed with input.churnCutoff");
        String rulesBefore = admin.post("{ associationRules(first: 1) { totalCount } }").toString();

        JsonNode rules = admin.post("mutation { runRules(input: {minSupport: 0.003, minConfidence: 0.2}) "
                + "{ id kind state } }").at("/data/runRules");
        assertThat(rules.at("/kind").asString()).isEqualTo("rules");
        JsonNode rulesDone = awaitJob(rules.at("/id").asString());
        assertThat(rulesDone.at("/state").asString()).as(rulesDone.toString()).isEqualTo("SUCCEEDED");
        int count = rulesDone.at("/result/rules").asInt();
        assertThat(count).isPositive();
        JsonNode after = admin.post("{ associationRules(first: 1) { totalCount } }").at("/data/associationRules");
        assertThat(after.at("/totalCount").asInt()).as("was " + rulesBefore).isEqualTo(count);

        JsonNode analytics = admin.post("mutation { runAnalytics(input: {asOf: \"1998-05-06\"}) { id } }")
                .at("/data/runAnalytics");
        JsonNode done = awaitJob(analytics.at("/id").asString());
        assertThat(done.at("/state").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.at("/progress").asDouble()).isEqualTo(1.0);
        JsonNode run = admin.post("{ analyticsRun { id asOf } segments { id } }").at("/data");
        assertThat(run.at("/analyticsRun/id").asString()).isEqualTo(done.at("/result/value/runId").asString());
        assertThat(run.at("/analyticsRun/asOf").asString()).isEqualTo("1998-05-06");
        assertThat(run.at("/segments").size()).isPositive();
        assertThat(admin.post("{ job(id: \"no-such-job\") { id } }").at("/data/job").isNull()).isTrue();

        // Every kind of node, fetched again by its global id, is the object its own query gives.
        JsonNode objects = admin.post("query($job: ID!) { customer(id: \"ALFKI\") { nodeId id } "
                + "product(id: \"1\") { nodeId id category { nodeId name } } order(id: \"10248\") { nodeId id } "
                + "segments { nodeId id } analyticsRun { nodeId id } job(id: $job) { nodeId id } }",
                Map.of("job", analytics.at("/id").asString())).at("/data");
        List<String> nodeIds = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (String[] field : new String[][] {{"/customer", "Customer", "id"}, {"/product", "Product", "id"},
                {"/product/category", "Category", "name"}, {"/order", "Order", "id"}, {"/segments/0", "Segment", "id"},
                {"/analyticsRun", "AnalyticsRun", "id"}, {"/job", "Job", "id"}}) {
            nodeIds.add(objects.at(field[0] + "/nodeId").asString());
            expected.add(field[1] + ":" + objects.at(field[0] + "/" + field[2]).asString());
        }
        assertThat(nodeIds).doesNotHaveDuplicates();
        String unknown = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("Customer:NOBODY".getBytes());
        nodeIds.add(unknown);
        JsonNode fetched = admin.post("query($ids: [ID!]!) { nodes(ids: $ids) { __typename nodeId "
                + "... on Customer { id } ... on Product { id } ... on Category { name } ... on Order { id } "
                + "... on Segment { id } ... on AnalyticsRun { id } ... on Job { id } } }", Map.of("ids", nodeIds))
                .at("/data/nodes");
        for (int i = 0; i < expected.size(); i++) {
            JsonNode node = fetched.get(i);
            String key = node.has("id") ? node.at("/id").asString() : node.at("/name").asString();
            assertThat(node.at("/__typename").asString() + ":" + key).isEqualTo(expected.get(i));
            assertThat(node.at("/nodeId").asString()).isEqualTo(nodeIds.get(i));
            assertThat(admin.post("query($id: ID!) { node(id: $id) { nodeId } }", Map.of("id", nodeIds.get(i)))
                    .at("/data/node/nodeId").asString()).isEqualTo(nodeIds.get(i));
        }
        assertThat(fetched.get(expected.size()).isNull()).as("an id whose object is gone").isTrue();
        assertBadRequest("query($id: ID!) { node(id: $id) { nodeId } }", Map.of("id", "ALFKI"),
                "id: 'ALFKI' is not a node id from this API");
        assertBadRequest("query($ids: [ID!]!) { nodes(ids: $ids) { nodeId } }",
                Map.of("ids", java.util.Collections.nCopies(101, unknown)), "ids: at most 100 at a time, got 101");
    }

    /** The customer's orders in Northwind's orders.csv, counted straight from the file. */
    private static long ordersInCsv(String customerId) throws java.io.IOException {
        try (var lines = java.nio.file.Files.lines(TestData.northwind().resolve("orders.csv"))) {
            return lines.skip(1).filter(line -> line.split(",", 3)[1].equals(customerId)).count();
        }
    }

    private JsonNode awaitJob(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            JsonNode job = admin.post("query($id: ID!) { job(id: $id) { state progress step result error } }",
                    Map.of("id", id)).at("/data/job");
            seen.add(job.at("/state").asString());
            if (job.at("/state").asString().equals("SUCCEEDED") || job.at("/state").asString().equals("FAILED")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + id + " did not finish in 2 minutes; states seen " + seen);
    }

    /**
     * The customers whose recommendations give this id as a reason: as the recommendations service holds them (the
     * ids themselves, which the API would leave out of {@code customers} for a customer that no longer exists), and
     * as the API's cache serves them.
     */
    private List<String> customersWhoseRecommendationsName(String customerId) {
        List<String> naming = new java.util.ArrayList<>();
        String query = "query($id: ID!) { recommendations(customerId: $id, first: 100) { reasons { customers { id } } } }";
        for (Map<String, Object> row : graph.readRows("test/customer-ids", Map.of())) {
            String id = (String) row.get("customerId");
            boolean held = recommendations.forCustomer(id, 100).recommendations().stream()
                    .flatMap(r -> r.reasons().stream())
                    .anyMatch(reason -> reason.customerIds() != null && reason.customerIds().contains(customerId));
            boolean served = admin.post(query, Map.of("id", id)).at("/data/recommendations").toString()
                    .contains("\"" + customerId + "\"");
            if (held || served) {
                naming.add(id);
            }
        }
        return naming;
    }

    private List<String> recommendedTo(String customerId) {
        List<String> ids = new java.util.ArrayList<>();
        admin.post("query($id: ID!) { recommendations(customerId: $id, first: 20) { product { id } } }",
                Map.of("id", customerId)).at("/data/recommendations").forEach(r -> ids.add(r.at("/product/id")
                .asString()));
        return ids;
    }

    private void assertBadRequest(String query, Map<String, Object> variables, String message) {
        JsonNode response = admin.post(query, variables);
        assertThat(response.at("/errors/0/extensions/classification").asString()).as(response.toString())
                .isEqualTo("BAD_REQUEST");
        assertThat(response.at("/errors/0/message").asString()).startsWith(message);
    }

    /** Whatever these tests changed through the API, the graph model's rules still hold. */
    @AfterAll
    void theGraphModelStillHolds() {
        GraphInvariants.assertHold(graph);
    }
}
