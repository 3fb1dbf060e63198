package dev.custograph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.custograph.CustographApplication;
import dev.custograph.TestData;
import dev.custograph.graph.Graph;
import dev.custograph.graph.GraphCounts;
import dev.custograph.ingest.Importer;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
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
 * API keys and roles through the real HTTP endpoint: anonymous callers get health only, each role reads what
 * docs/security.md says and gets FORBIDDEN for the rest, analysts see personal fields masked, and no string argument
 * can inject Cypher.
 */
@SpringBootTest(classes = CustographApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityIT {

    static final String ADMIN = "security-it-admin-key";
    static final String ANALYST = "security-it-analyst-key";
    static final String APP = "security-it-app-key-000";
    static final String WIDGET = "security-it-widget-key-0";
    static final String WIDGET_SECRET = "security-it-widget-secret";
    /** Jane turns 30 in three days (four, should that be a 29 February): she is on the birthday care list. */
    static final java.time.LocalDate JANES_BIRTHDAY = janesBirthday();

    private static java.time.LocalDate janesBirthday() {
        java.time.LocalDate day = java.time.LocalDate.now().plusDays(3);
        return (day.getMonthValue() == 2 && day.getDayOfMonth() == 29 ? day.plusDays(1) : day).minusYears(30);
    }

    @DynamicPropertySource
    static void keysAndEmbeddedOnFreePorts(DynamicPropertyRegistry registry) throws Exception {
        EmbeddedApp.onFreePorts(registry, "security-it", ADMIN);
        registry.add("custograph.security.keys[0].name", () -> "reporting");
        registry.add("custograph.security.keys[0].role", () -> "analyst");
        registry.add("custograph.security.keys[0].key", () -> ANALYST);
        registry.add("custograph.security.keys[1].name", () -> "shop-widget");
        registry.add("custograph.security.keys[1].role", () -> "app");
        registry.add("custograph.security.keys[1].key", () -> APP);
        registry.add("custograph.security.keys[2].name", () -> "public-widget");
        registry.add("custograph.security.keys[2].role", () -> "widget");
        registry.add("custograph.security.keys[2].key", () -> WIDGET);
        registry.add("custograph.security.keys[2].signing-secret", () -> WIDGET_SECRET);
    }

    @LocalServerPort
    int port;
    @Autowired
    Graph graph;
    @Autowired
    dev.custograph.audit.AuditLog audit;

    GraphQlHttp anonymous;
    GraphQlHttp admin;
    GraphQlHttp analyst;
    GraphQlHttp app;

    @BeforeAll
    void importNorthwindAndOneCrmCustomer() throws IOException {
        new Importer(graph).run("northwind", List.of(TestData.northwind()));
        Path crm = Files.createTempFile("crm", ".jsonl");
        Files.writeString(crm, "{\"id\": \"C1\", \"name\": \"Jane Doe\", \"email\": \"jane.doe@example.com\", "
                + "\"phone\": \"+44 20 7946 0958\", \"address\": \"1 High Street\", \"country\": \"United Kingdom\", "
                + "\"birthDate\": \"" + JANES_BIRTHDAY + "\"}\n");
        new Importer(graph).run("customers-jsonl", List.of(crm));
        anonymous = new GraphQlHttp(port);
        admin = GraphQlHttp.withKey(port, ADMIN);
        analyst = GraphQlHttp.withKey(port, ANALYST);
        app = new GraphQlHttp(port, Map.of("Authorization", "Bearer " + APP, "X-Customer-Id", "C1"));
    }

    @Test
    void aBirthdayCareListIsReadAsBirthDatesAuditedForAdminsAndNotForAnalysts() {
        String birthdays = "query Birthdays { careList(kind: \"BIRTHDAYS\") { customer { id } date years } }";
        JsonNode forAdmin = admin.post(birthdays).at("/data/careList");
        assertThat(forAdmin.toString()).contains("\"id\":\"C1\"", "\"years\":30",
                "\"date\":\"" + JANES_BIRTHDAY.plusYears(30) + "\"");
        audit.flush();
        JsonNode logged = admin.post("{ auditLog(customerId: \"C1\", first: 20) { edges { node { action fields "
                + "detail } } } }").at("/data/auditLog/edges");
        assertThat(logged.toString()).as("the list's read of Jane's birth date is on record")
                .contains("\"fields\":[\"birthDate\"]", "query Birthdays");

        JsonNode forAnalyst = analyst.post(birthdays);
        assertThat(forAnalyst.at("/data/careList").isNull() || forAnalyst.at("/data/careList").isMissingNode())
                .as(forAnalyst.toString()).isTrue();
        assertThat(forAnalyst.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(forAnalyst.toString()).doesNotContain(JANES_BIRTHDAY.plusYears(30).toString());
        // Lists that hold no birth date stay open to analysts.
        assertThat(analyst.post("{ careList(kind: \"ANNIVERSARIES\") { date } }").has("errors")).isFalse();
    }

    @Test
    void anonymousCallersGetHealthAndTheStaticPagesAndNoData() {
        assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
        // The dashboard and widget are files; what they show needs a key at /graphql.
        for (String page : List.of("/", "/widget.js", "/widget-demo.html", "/favicon.svg")) {
            assertThat(anonymous.get(page).statusCode()).as(page).isEqualTo(200);
        }
        String index = anonymous.get("/index.html").body();
        assertThat(index).contains("<title>Custograph</title>");
        // Bundles are named by content hash, so browsers keep them; the pages that load them are revalidated.
        java.util.regex.Matcher bundle = java.util.regex.Pattern.compile("/assets/dashboard-[^\"]+\\.js").matcher(index);
        assertThat(bundle.find()).isTrue();
        assertThat(anonymous.get(bundle.group()).headers().firstValue("Cache-Control").orElse(""))
                .contains("max-age=31536000").contains("immutable");
        assertThat(anonymous.get("/").headers().firstValue("Cache-Control").orElse("")).contains("no-cache");
        assertThat(anonymous.get("/cypher/read/customers-page.cypher").statusCode()).isIn(401, 403, 404);
        var graphql = anonymous.postRaw("{\"query\": \"{ products { totalCount } }\"}");
        assertThat(graphql.statusCode()).isEqualTo(401);
        assertThat(GraphQlHttp.json(graphql.body()).at("/errors/0/extensions/classification").asString())
                .isEqualTo("UNAUTHORIZED");
        assertThat(anonymous.get("/actuator/metrics").statusCode()).isEqualTo(401);
        var wrongKey = GraphQlHttp.withKey(port, "not-a-key-we-know-at-all").postRaw("{\"query\": \"{ __typename }\"}");
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(GraphQlHttp.json(wrongKey.body()).at("/errors/0/message").asString())
                .isEqualTo("the API key is not one this server knows");
    }

    @Test
    void anAnalystReadsEverythingWithPersonalFieldsMasked() {
        JsonNode jane = analyst.post("{ customer(id: \"C1\") { name email phone address country } }")
                .at("/data/customer");
        assertThat(jane.at("/email").asString()).isEqualTo("j***@example.com");
        assertThat(jane.at("/phone").asString()).isEqualTo("***58");
        assertThat(jane.at("/address").asString()).isEqualTo("***");
        assertThat(jane.at("/country").asString()).isEqualTo("United Kingdom");
        assertThat(analyst.post("{ customers(first: 5) { totalCount edges { node { phone } } } }")
                .at("/data/customers/totalCount").asInt()).isEqualTo(92);
        assertThat(analyst.get("/actuator/metrics").statusCode()).isEqualTo(403);
        // The admin sees the same customer unmasked.
        JsonNode unmasked = admin.post("{ customer(id: \"C1\") { email phone } }").at("/data/customer");
        assertThat(unmasked.at("/email").asString()).isEqualTo("jane.doe@example.com");
        assertThat(unmasked.at("/phone").asString()).isEqualTo("+442079460958");
        assertThat(admin.get("/actuator/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void anAppReadsProductsAndTheOneCustomerItActsForAndNothingElse() {
        assertThat(app.post("{ products(first: 3) { totalCount } }").at("/data/products/totalCount").asInt())
                .isEqualTo(77);
        JsonNode own = app.post("{ customer(id: \"C1\") { name email recommendations(first: 3) { product { id } "
                + "reasons { text } } } }");
        assertThat(own.at("/errors").isMissingNode()).as(own.toString()).isTrue();
        assertThat(own.at("/data/customer/email").asString()).isEqualTo("jane.doe@example.com");
        assertThat(own.at("/data/customer/recommendations").size()).isEqualTo(3);

        for (String query : List.of("{ customer(id: \"ALFKI\") { name } }", "{ customers { totalCount } }",
                "{ recommendations(customerId: \"ALFKI\") { score } }", "{ dashboard { churn { rate } } }",
                "{ similarCustomers(customerId: \"C1\") { score } }", "{ order(id: \"10248\") { total } }")) {
            JsonNode refused = app.post(query);
            assertThat(refused.at("/errors/0/extensions/classification").asString()).as(query).isEqualTo("FORBIDDEN");
            assertThat(refused.at("/errors/0/message").asString()).as(query).contains("the app role may not read");
        }
        // By global id (Relay's node), the same: its own customer and products, no one else, nothing else.
        String ownId = admin.post("{ customer(id: \"C1\") { nodeId } }").at("/data/customer/nodeId").asString();
        String otherId = admin.post("{ customer(id: \"ALFKI\") { nodeId } }").at("/data/customer/nodeId").asString();
        String productId = admin.post("{ product(id: \"1\") { nodeId } }").at("/data/product/nodeId").asString();
        String orderId = admin.post("{ order(id: \"10248\") { nodeId } }").at("/data/order/nodeId").asString();
        JsonNode byNode = app.post("query($ids: [ID!]!) { nodes(ids: $ids) { ... on Customer { email } "
                + "... on Product { name } } }", Map.of("ids", List.of(ownId, productId)));
        assertThat(byNode.at("/errors").isMissingNode()).as(byNode.toString()).isTrue();
        assertThat(byNode.at("/data/nodes/0/email").asString()).isEqualTo("jane.doe@example.com");
        assertThat(byNode.at("/data/nodes/1/name").asString()).isEqualTo("Chai");
        for (String id : List.of(otherId, orderId)) {
            JsonNode refused = app.post("query($id: ID!) { node(id: $id) { nodeId } }", Map.of("id", id));
            assertThat(refused.at("/errors/0/extensions/classification").asString()).as(id).isEqualTo("FORBIDDEN");
            assertThat(refused.at("/data/node").isNull()).isTrue();
        }
        assertThat(app.post("query($ids: [ID!]!) { nodes(ids: $ids) { nodeId } }", Map.of("ids",
                List.of(productId, otherId))).at("/errors/0/extensions/classification").asString())
                .as("one id it may not fetch refuses the lot").isEqualTo("FORBIDDEN");
        JsonNode masked = analyst.post("query($id: ID!) { node(id: $id) { ... on Customer { email } } }",
                Map.of("id", ownId));
        assertThat(masked.at("/data/node/email").asString()).isEqualTo("j***@example.com");

        // An app key that names no customer reads products only.
        GraphQlHttp nobody = GraphQlHttp.withKey(port, APP);
        assertThat(nobody.post("{ customer(id: \"C1\") { name } }").at("/errors/0/extensions/classification")
                .asString()).isEqualTo("FORBIDDEN");
        assertThat(app.get("/actuator/prometheus").statusCode()).isEqualTo(403);
    }

    @Test
    void anAdminReadsTheMetricsOperatorsWatch() {
        admin.post("query CustomerCountry { customer(id: \"ALFKI\") { country } }");
        String metrics = admin.get("/actuator/prometheus").body();
        assertThat(metrics).contains("custograph_graphql_seconds_count{operation=\"CustomerCountry\",outcome=\"ok\"")
                .contains("custograph_cypher_seconds_count{file=\"read/customers-by-id\"")
                .contains("custograph_neo4j_statements_active ")
                .contains("cache_gets_total{cache=\"customers\"");
    }

    @Test
    void aWidgetKeyReadsOnlyTheRecommendationsOfTheCustomerTheShopSigned() throws Exception {
        // The shop's server signs the id: HMAC-SHA256 with the key's secret, URL-safe Base64 without padding.
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(WIDGET_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA256"));
        String signature = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal("ALFKI".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String query = "{ recommendations(customerId: \"ALFKI\", first: 3) { product { name } reasons { text } } }";

        JsonNode signed = new GraphQlHttp(port, Map.of("Authorization", "Bearer " + WIDGET, "X-Customer-Id", "ALFKI",
                "X-Customer-Signature", signature)).post(query);
        assertThat(signed.at("/errors").isMissingNode()).as(signed.toString()).isTrue();
        assertThat(signed.at("/data/recommendations").size()).isEqualTo(3);

        // The key alone, copied from a page, or with another customer's id under ALFKI's signature, reads nothing.
        for (Map<String, String> headers : List.of(Map.of("X-Customer-Id", "ALFKI"),
                Map.of("X-Customer-Id", "ALFKI", "X-Customer-Signature", "forged"),
                Map.of("X-Customer-Id", "ANATR", "X-Customer-Signature", signature))) {
            Map<String, String> all = new java.util.HashMap<>(headers);
            all.put("Authorization", "Bearer " + WIDGET);
            String customer = headers.get("X-Customer-Id");
            JsonNode refused = new GraphQlHttp(port, all).post(query.replace("ALFKI", customer));
            assertThat(refused.at("/errors/0/extensions/classification").asString()).as(headers.toString())
                    .isEqualTo("FORBIDDEN");
            assertThat(refused.at("/errors/0/message").asString()).contains("X-Customer-Signature");
        }
        // Even signed, no customer field: not the name, not the reasons' customers.
        GraphQlHttp widget = new GraphQlHttp(port, Map.of("Authorization", "Bearer " + WIDGET, "X-Customer-Id",
                "ALFKI", "X-Customer-Signature", signature));
        assertThat(widget.post("{ customer(id: \"ALFKI\") { name } }").at("/errors/0/extensions/classification")
                .asString()).isEqualTo("FORBIDDEN");
        assertThat(widget.post("{ recommendations(customerId: \"ALFKI\", first: 3) { reasons { customers { id } } } }")
                .at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(widget.post("{ products(first: 1) { totalCount } }").at("/data/products/totalCount").asInt())
                .isEqualTo(77);
        String chai = admin.post("{ product(id: \"1\") { nodeId } }").at("/data/product/nodeId").asString();
        String alfki = admin.post("{ customer(id: \"ALFKI\") { nodeId } }").at("/data/customer/nodeId").asString();
        assertThat(widget.post("query($id: ID!) { node(id: $id) { ... on Product { name } } }", Map.of("id", chai))
                .at("/data/node/name").asString()).isEqualTo("Chai");
        assertThat(widget.post("query($id: ID!) { node(id: $id) { nodeId } }", Map.of("id", alfki))
                .at("/errors/0/extensions/classification").asString()).as("not even the signed customer")
                .isEqualTo("FORBIDDEN");

        // The widget's own endpoint follows the same rules: the signed customer only, no customer in the answer.
        var fromEndpoint = widget.get("/widget/recommendations?customer=ALFKI&first=3");
        assertThat(fromEndpoint.statusCode()).as(fromEndpoint.body()).isEqualTo(200);
        assertThat(GraphQlHttp.json(fromEndpoint.body()).at("/recommendations").size()).isEqualTo(3);
        assertThat(fromEndpoint.body()).doesNotContain("customerIds", "\"customers\"");
        for (Map<String, String> headers : List.of(Map.of("X-Customer-Signature", "forged"), Map.<String, String>of())) {
            Map<String, String> all = new java.util.HashMap<>(headers);
            all.put("Authorization", "Bearer " + WIDGET);
            var refused = new GraphQlHttp(port, all).get("/widget/recommendations?customer=ALFKI");
            assertThat(refused.statusCode()).as(headers.toString()).isEqualTo(403);
            assertThat(refused.body()).contains("X-Customer-Signature");
        }
        assertThat(widget.get("/widget/recommendations?customer=ANATR").statusCode())
                .as("ALFKI's signature for another customer").isEqualTo(403);
        assertThat(new GraphQlHttp(port, Map.of("Authorization", "Bearer " + APP, "X-Customer-Id", "ALFKI"))
                .get("/widget/recommendations?customer=ANATR").statusCode()).as("an app key for another customer")
                .isEqualTo(403);
        assertThat(new GraphQlHttp(port, Map.of("Authorization", "Bearer " + APP, "X-Customer-Id", "ALFKI"))
                .get("/widget/recommendations?customer=ALFKI").statusCode()).isEqualTo(200);
    }

    @Test
    void aWidgetSignatureWithAnExpiryWorksUntilThenAndItsExpiryCannotBeMoved() throws Exception {
        String query = "{ recommendations(customerId: \"ALFKI\", first: 2) { product { name } } }";
        long inAnHour = java.time.Instant.now().getEpochSecond() + 3600;
        long anHourAgo = inAnHour - 7200;
        // As the shop signs it: the id and the expiry, joined by a dot; the signature is "<expires>.<mac>".
        String fresh = inAnHour + "." + hmac("ALFKI." + inAnHour);
        String expired = anHourAgo + "." + hmac("ALFKI." + anHourAgo);
        String moved = inAnHour + "." + hmac("ALFKI." + anHourAgo);

        JsonNode signed = widget("ALFKI", fresh).post(query);
        assertThat(signed.at("/errors").isMissingNode()).as(signed.toString()).isTrue();
        assertThat(signed.at("/data/recommendations").size()).isEqualTo(2);
        JsonNode late = widget("ALFKI", expired).post(query);
        assertThat(late.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(late.at("/errors/0/message").asString()).contains("the signature expired at "
                + java.time.Instant.ofEpochSecond(anHourAgo));
        JsonNode forged = widget("ALFKI", moved).post(query);
        assertThat(forged.at("/errors/0/message").asString()).contains("the signature does not match");
    }

    private GraphQlHttp widget(String customer, String signature) {
        return new GraphQlHttp(port, Map.of("Authorization", "Bearer " + WIDGET, "X-Customer-Id", customer,
                "X-Customer-Signature", signature));
    }

    private static String hmac(String text) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(WIDGET_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA256"));
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void noStringArgumentCanInjectCypher() throws IOException {
        TypeDefinitionRegistry schema = new SchemaParser().parse(Files.readString(Path.of("schema.graphqls")));
        ObjectTypeDefinition query = (ObjectTypeDefinition) schema.getType("Query").orElseThrow();
        GraphCounts before = GraphCounts.of(graph);
        List<String> payloads = List.of("' OR 1=1 //", "ALFKI\"}) MATCH (n) DETACH DELETE n //",
                "x} RETURN 1 UNION MATCH (n) DETACH DELETE n //", "\\u0027; DROP CONSTRAINT customer_id");
        int tried = 0;
        for (FieldDefinition field : query.getFieldDefinitions()) {
            for (InputValueDefinition target : field.getInputValueDefinitions()) {
                if (!isStringLike(target.getType())) {
                    continue;
                }
                for (String payload : payloads) {
                    List<String> arguments = new ArrayList<>();
                    for (InputValueDefinition argument : field.getInputValueDefinitions()) {
                        if (argument == target) {
                            arguments.add(argument.getName() + ": " + quote(payload));
                        } else if (argument.getType() instanceof NonNullType) {
                            arguments.add(argument.getName() + ": \"x\"");
                        }
                    }
                    String selection = isObject(schema, field.getType()) ? " { __typename }" : "";
                    String text = "{ " + field.getName() + (arguments.isEmpty() ? "" : "(" + String.join(", ",
                            arguments) + ")") + selection + " }";
                    JsonNode response = admin.post(text);
                    tried++;
                    assertThat(response.at("/errors/0/extensions/classification").asString()).as(text)
                            .isNotEqualTo("INTERNAL_ERROR");
                }
            }
        }
        assertThat(tried).isGreaterThanOrEqualTo(4 * 10);
        assertThat(GraphCounts.of(graph)).isEqualTo(before);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static boolean isStringLike(Type<?> type) {
        Type<?> t = type instanceof NonNullType n ? n.getType() : type;
        return t instanceof TypeName name && (name.getName().equals("String") || name.getName().equals("ID"));
    }

    private static boolean isObject(TypeDefinitionRegistry schema, Type<?> type) {
        while (type instanceof NonNullType || type instanceof ListType) {
            type = type instanceof NonNullType n ? n.getType() : ((ListType) type).getType();
        }
        String name = ((TypeName) type).getName();
        return schema.getType(name).map(t -> t instanceof ObjectTypeDefinition).orElse(false);
    }
}
