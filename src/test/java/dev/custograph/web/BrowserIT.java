package dev.custograph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import dev.custograph.CustographApplication;
import dev.custograph.api.GraphQlHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard and the recommendation widget in a real browser, on the demo data set as {@code serve --demo} loads
 * and analyses it:
 * each view renders its charts, and what they plot equals what the public GraphQL API answers; an analyst key sees
 * personal fields masked; the widget shows the API's recommendations on a hostile page, and from another origin. The
 * screenshots under target/screenshots/ are for people to review.
 */
@SpringBootTest(classes = CustographApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserIT {

    static final String ADMIN = "browser-it-admin-key-01";
    static final String ANALYST = "browser-it-analyst-key-01";
    static final String APP = "browser-it-app-key-0001";
    static final String WIDGET = "browser-it-widget-key-01";
    static final String WIDGET_SECRET = "browser-it-widget-secret-01";

    @DynamicPropertySource
    static void demoOnAnEmbeddedStore(DynamicPropertyRegistry registry) throws Exception {
        registry.add("custograph.data-dir", () -> tempDir("custograph-browser-it"));
        registry.add("custograph.bolt-port", () -> 0);
        registry.add("custograph.http-port", () -> 0);
        registry.add("custograph.demo", () -> true);
        registry.add("custograph.security.admin-key", () -> ADMIN);
        registry.add("custograph.security.keys[0].role", () -> "analyst");
        registry.add("custograph.security.keys[0].key", () -> ANALYST);
        registry.add("custograph.security.keys[1].role", () -> "app");
        registry.add("custograph.security.keys[1].key", () -> APP);
        registry.add("custograph.security.keys[2].role", () -> "widget");
        registry.add("custograph.security.keys[2].key", () -> WIDGET);
        registry.add("custograph.security.keys[2].signing-secret", () -> WIDGET_SECRET);
    }

    static String tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;
    GraphQlHttp api;
    Browser browser;
    String base;

    @BeforeAll
    void openABrowser() {
        // serve --demo loaded and analysed the demo data before the port opened: nothing to prepare here.
        api = GraphQlHttp.withKey(port, ADMIN);
        base = "http://localhost:" + port;
        browser = new Browser();
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void everyViewPlotsWhatTheApiAnswers() {
        browser.open(base + "/");
        assertThat(browser.find("#status").getText()).startsWith("Paste an API key");
        useKey(ADMIN);

        // Overview: tiles and the revenue series equal the API's dashboard.
        awaitView("overview");
        JsonNode dashboard = api.post("{ dashboard { customers activeCustomers revenueByMonth { month revenue orders } "
                + "segments { name size } churn { rate } } }").at("/data/dashboard");
        assertThat(browser.find("[data-tile=customers] .value").getText())
                .isEqualTo(String.format(java.util.Locale.UK, "%,d", dashboard.at("/customers").asInt()));
        assertThat(browser.find("[data-tile=active] .value").getText())
                .isEqualTo(String.format(java.util.Locale.UK, "%,d", dashboard.at("/activeCustomers").asInt()));
        List<List<String>> months = browser.rows("[data-card=revenue-by-month] details.data");
        JsonNode apiMonths = dashboard.at("/revenueByMonth");
        assertThat(months).hasSize(apiMonths.size()).hasSize(24);
        for (int i = 0; i < apiMonths.size(); i++) {
            assertThat(months.get(i).get(0)).isEqualTo(apiMonths.get(i).at("/month").asString());
            assertThat(Double.parseDouble(months.get(i).get(1))).isEqualTo(apiMonths.get(i).at("/revenue").asDouble());
            assertThat(Integer.parseInt(months.get(i).get(2))).isEqualTo(apiMonths.get(i).at("/orders").asInt());
        }
        assertThat(browser.svgTexts("[data-card=revenue-by-month]")).contains(apiMonths.get(0).at("/month").asString());
        assertThat(browser.svgShapes("[data-card=revenue-by-month]")).isGreaterThan(3);
        List<String> barLabels = browser.svgTexts("[data-card=segment-sizes]");
        for (JsonNode segment : dashboard.at("/segments")) {
            assertThat(barLabels).as("a bar for " + segment.at("/name").asString())
                    .contains(segment.at("/name").asString(), segment.at("/size").asString());
        }
        browser.screenshot("dashboard-overview");

        // RFM: every heatmap cell is the API's, and its count is drawn on the map.
        go("rfm");
        JsonNode grid = api.post("{ rfmGrid { r f customers averageMonetary } }").at("/data/rfmGrid");
        List<List<String>> cells = browser.rows("[data-card=rfm-heatmap] details.data");
        assertThat(cells).hasSize(grid.size());
        List<String> drawn = browser.svgTexts("[data-card=rfm-heatmap]");
        for (int i = 0; i < grid.size(); i++) {
            JsonNode cell = grid.get(i);
            assertThat(cells.get(i)).containsExactly(cell.at("/r").asString(), cell.at("/f").asString(),
                    cell.at("/customers").asString(), numberText(cell.at("/averageMonetary").asDouble()));
            assertThat(drawn).contains(cell.at("/customers").asString());
        }
        List<String> averages = browser.svgTexts("[data-card=rfm-monetary]");
        for (JsonNode cell : grid) {
            assertThat(averages).contains(String.valueOf(Math.round(cell.at("/averageMonetary").asDouble())));
        }
        assertThat(browser.rows("[data-card=rfm-segments]")).extracting(row -> row.get(3)).allMatch(a -> !a.isBlank());
        browser.screenshot("dashboard-rfm");

        // Segments: the scatter plots the sample by segment; choosing other features redraws it.
        go("segments");
        int sampled = api.post("{ valueSample(first: 2000) { customerId } }").at("/data/valueSample").size();
        assertThat(plottedAndLeftOut()).isEqualTo(sampled);
        new Select(browser.find("#x-feature")).selectByValue("frequency");
        new Select(browser.find("#y-feature")).selectByValue("clv");
        browser.await(d -> browser.svgTexts("[data-card=segment-scatter]").contains("CLV"));
        assertThat(plottedAndLeftOut()).isEqualTo(sampled);
        browser.screenshot("dashboard-segments");

        // CLV: the histogram's bins and the top customers are the API's.
        go("clv");
        JsonNode clv = api.post("{ clvHistogram(bins: 20) { bins { from to customers } } topCustomers(first: 20) { id } }")
                .at("/data");
        List<List<String>> bins = browser.rows("[data-card=clv-histogram] details.data");
        assertThat(bins).hasSize(20);
        for (int i = 0; i < 20; i++) {
            assertThat(Long.parseLong(bins.get(i).get(2))).isEqualTo(clv.at("/clvHistogram/bins/" + i + "/customers").asLong());
        }
        assertThat(browser.rows("[data-card=top-customers]")).extracting(row -> row.get(0))
                .containsExactlyElementsOf(StreamSupport.stream(clv.at("/topCustomers").spliterator(), false)
                        .map(c -> c.at("/id").asString()).toList());
        assertThat(browser.svgShapes("[data-card=palive-frequency]")).isGreaterThan(100);
        browser.screenshot("dashboard-clv");

        // Rules: sortable, and filtered by product as the API filters.
        go("rules");
        List<List<String>> rules = browser.rows("#rules-table");
        assertThat(rules).isNotEmpty();
        List<Double> lifts = rules.stream().map(r -> Double.parseDouble(r.get(4))).toList();
        assertThat(lifts).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        browser.find("#rules-table th[data-sort=confidence]").click();
        List<Double> confidences = browser.rows("#rules-table").stream().map(r -> Double.parseDouble(r.get(3))).toList();
        assertThat(confidences).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        Select product = new Select(browser.find("#rule-product"));
        product.selectByIndex(1);
        String productId = product.getFirstSelectedOption().getAttribute("value");
        String productName = product.getFirstSelectedOption().getText();
        int expected = api.post("query($p: ID) { associationRules(productId: $p) { totalCount } }", Map.of("p", productId))
                .at("/data/associationRules/totalCount").asInt();
        browser.await(d -> browser.find(".count").getText().startsWith(expected + " rules"));
        assertThat(browser.rows("#rules-table")).hasSize(expected)
                .allMatch(row -> row.get(0).contains(productName) || row.get(1).contains(productName));
        browser.screenshot("dashboard-rules");

        // Customer 360: found by the start of the name; its recommendations and reasons are the API's.
        JsonNode top = api.post("{ topCustomers(first: 1) { id name } }").at("/data/topCustomers/0");
        go("customer");
        browser.find("#customer-query").sendKeys(top.at("/name").asString());
        browser.find("[data-card=customer-search] button").click();
        browser.await(d -> !browser.findAll("[data-card=customer-profile]").isEmpty()
                || !browser.findAll("#customer-results table").isEmpty());
        if (browser.findAll("[data-card=customer-profile]").isEmpty()) {
            browser.find("#customer-results a[href='#customer/" + top.at("/id").asString() + "']").click();
        }
        browser.await(d -> "true".equals(browser.find("#view").getAttribute("data-ready"))
                && !browser.findAll("[data-card=customer-profile][data-customer='" + top.at("/id").asString() + "']").isEmpty());
        JsonNode recommendations = api.post("query($id: ID!) { customer(id: $id) { recommendations(first: 5) { "
                + "product { name } reasons { text } } } }", Map.of("id", top.at("/id").asString()))
                .at("/data/customer/recommendations");
        List<List<String>> shown = browser.rows("[data-card=customer-recommendations]");
        assertThat(shown).hasSize(recommendations.size()).isNotEmpty();
        for (int i = 0; i < shown.size(); i++) {
            assertThat(shown.get(i).get(0)).isEqualTo(recommendations.get(i).at("/product/name").asString());
            assertThat(shown.get(i).get(3)).startsWith(recommendations.get(i).at("/reasons/0/text").asString());
        }
        assertThat(browser.find("[data-fact=Email]").getText()).contains("@").doesNotContain("*");
        browser.screenshot("dashboard-customer-360");
    }

    @Test
    void anAnalystSeesPersonalFieldsMaskedAsTheApiMasksThem() {
        JsonNode someone = api.post("{ topCustomers(first: 1) { id email } }").at("/data/topCustomers/0");
        String masked = GraphQlHttp.withKey(port, ANALYST).post("query($id: ID!) { customer(id: $id) { email } }",
                Map.of("id", someone.at("/id").asString())).at("/data/customer/email").asString();
        browser.open(base + "/#customer/" + someone.at("/id").asString());
        useKey(ANALYST);
        browser.await(d -> !browser.findAll("[data-fact=Email]").isEmpty());
        assertThat(browser.find("[data-fact=Email]").getText()).isEqualTo(masked)
                .isNotEqualTo(someone.at("/email").asString());
        browser.screenshot("dashboard-customer-360-analyst");
        browser.find("#forget-key").click();
    }

    @Test
    void graphiqlRunsAQueryWithNoNetworkBeyondThisMachine() {
        // The key entered in the dashboard fills GraphiQL's Authorization header.
        browser.open(base + "/");
        useKey(ADMIN);
        awaitView("overview");
        try {
            browser.open(base + "/graphiql");
            browser.await(d -> !browser.findAll(".graphiql-container .graphiql-execute-button").isEmpty());
            browser.find(".graphiql-execute-button").click();
            int customers = api.post("{ dashboard { customers } }").at("/data/dashboard/customers").asInt();
            String result = browser.await(d -> {
                String shown = (String) browser.script("const r = document.querySelector('.result-window');"
                        + " return r ? r.textContent : '';");
                return shown.contains("activeCustomers") ? shown : null;
            });
            assertThat(result.replaceAll("\\s", "")).contains("\"customers\":" + customers);
            browser.screenshot("graphiql");
        } finally {
            browser.screenshot("graphiql-last");
            browser.open(base + "/");
            browser.find("#forget-key").click();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOverviewIsDrawnOnceWhenItsTabIsClickedWhileTheKeyIsLoadingIt() throws InterruptedException {
        browser.open(base + "/");
        browser.script("sessionStorage.clear();");
        browser.open(base + "/");
        // Observed: a key entered, then the Overview tab clicked before the view had loaded, drew every card twice.
        useKey(ADMIN);
        browser.find("#tabs a[href='#overview']").click();
        awaitView("overview");
        // Both loads end before the count is read: it is read once it has not changed for a second.
        List<String> cards = List.of();
        for (int still = 0; still < 5; ) {
            Thread.sleep(200);
            List<String> now = (List<String>) browser.script(
                    "return [...document.querySelectorAll('#view [data-card], #view [data-tile]')]"
                            + ".map(e => e.dataset.card || 'tile:' + e.dataset.tile);");
            still = now.equals(cards) ? still + 1 : 0;
            cards = now;
        }
        assertThat(cards).contains("revenue-by-month", "segment-sizes", "tile:customers").doesNotHaveDuplicates();
        browser.find("#forget-key").click();
    }

    @Test
    void aWrongKeyOrAnAppKeySaysSoAndShowsNothing() {
        browser.open(base + "/#overview");
        useKey("not-a-key-of-this-server");
        browser.await(d -> browser.find("#status").getAttribute("class").equals("error"));
        assertThat(browser.find("#status").getText()).containsIgnoringCase("key");
        assertThat(browser.findAll("[data-card]")).isEmpty();

        // An app key is for shops' widgets: the dashboard shows the API's refusal instead of empty charts.
        useKey(APP);
        browser.await(d -> browser.find("#status").getText().contains("app role"));
        assertThat(browser.find("#status").getAttribute("class")).isEqualTo("error");
        assertThat(browser.findAll("[data-card]")).isEmpty();
        browser.find("#forget-key").click();
    }

    @Test
    void theWidgetShowsTheApisRecommendationsUntouchedByThePagesCss() {
        String customer = api.post("{ topCustomers(first: 1) { id } }").at("/data/topCustomers/0/id").asString();
        JsonNode expected = new GraphQlHttp(port, Map.of("Authorization", "Bearer " + APP, "X-Customer-Id", customer))
                .post("query($id: ID!) { recommendations(customerId: $id, first: 4) { product { id name price } "
                        + "reasons { kind product { name } } } }", Map.of("id", customer)).at("/data/recommendations");
        assertThat(expected.size()).isEqualTo(4);

        browser.open(base + "/widget-demo.html?customer=" + customer + "&key=" + APP);
        assertThat(awaitWidget()).isEqualTo("ready");
        List<Map<String, String>> items = widgetItems();
        assertThat(items).hasSize(4);
        for (int i = 0; i < 4; i++) {
            JsonNode r = expected.get(i);
            assertThat(items.get(i)).containsEntry("product", r.at("/product/id").asString())
                    .containsEntry("name", r.at("/product/name").asString())
                    .containsEntry("price", String.format(java.util.Locale.ROOT, "%.2f", r.at("/product/price").asDouble()));
            String boughtWith = StreamSupport.stream(r.at("/reasons").spliterator(), false)
                    .filter(reason -> reason.at("/kind").asString().equals("bought-with"))
                    .map(reason -> reason.at("/product/name").asString()).findFirst().orElse(null);
            if (boughtWith != null) {
                assertThat(items.get(i).get("why")).isEqualTo("Because you bought " + boughtWith);
            }
        }
        assertThat(items).anyMatch(item -> item.get("why").startsWith("Because you bought "));
        // The page's stylesheet sets Georgia and dashed borders on every element; inside the widget neither applies.
        assertThat((String) browser.script("return getComputedStyle(document.querySelector('.custograph-widget')"
                + ".shadowRoot.querySelector('li')).borderStyle")).isNotEqualTo("dashed");
        assertThat((String) browser.script("return getComputedStyle(document.querySelector('.custograph-widget')"
                + ".shadowRoot.querySelector('.name')).fontFamily")).doesNotContain("Georgia");
        assertThat((String) browser.script("return getComputedStyle(document.querySelector('h1')).fontFamily"))
                .contains("Georgia");
        browser.screenshot("widget-demo");

        browser.open(base + "/widget-demo.html?customer=" + customer + "&key=not-a-key");
        assertThat(awaitWidget()).isEqualTo("error");
        assertThat((String) browser.script("return document.querySelector('.custograph-widget').shadowRoot"
                + ".querySelector('.message').textContent")).isEqualTo("Recommendations are unavailable right now.");
        assertThat(browser.find("h1").getText()).as("the shop's page still works").isEqualTo("Corner Shop");
        browser.screenshot("widget-demo-error");
    }

    @Test
    void theWidgetWorksOnAShopPageOfAnotherOriginWithAWidgetKeyAndTheShopsSignature() throws Exception {
        String customer = api.post("{ topCustomers(first: 1) { id } }").at("/data/topCustomers/0/id").asString();
        // What the shop's server does: sign the customer's id with the widget key's secret.
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(WIDGET_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA256"));
        String signature = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(customer.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        // 127.0.0.1 and localhost are different origins: the page is the shop, the script and API are Custograph's.
        String embed = "document.getElementById('shop-slot').replaceChildren(); const s = document.createElement('script');"
                + "s.src = arguments[0]; s.dataset.customer = arguments[1]; s.dataset.apiKey = arguments[2];"
                + "if (arguments[3]) s.dataset.signature = arguments[3]; document.getElementById('shop-slot').append(s);";
        browser.open("http://127.0.0.1:" + port + "/widget-demo.html");
        browser.script(embed, base + "/widget.js", customer, WIDGET, signature);
        assertThat(awaitWidget()).isEqualTo("ready");
        assertThat(widgetItems()).hasSize(4);
        browser.screenshot("widget-other-origin");

        // The widget key copied from the page, without the shop's signature, shows nothing of the customer.
        browser.open("http://127.0.0.1:" + port + "/widget-demo.html");
        browser.script(embed, base + "/widget.js", customer, WIDGET, null);
        assertThat(awaitWidget()).isEqualTo("error");
    }

    private String awaitWidget() {
        return browser.await(d -> {
            Object state = browser.script("const w = document.querySelector('.custograph-widget');"
                    + "return w && w.dataset.state !== 'loading' ? w.dataset.state : null;");
            return (String) state;
        });
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, String>> widgetItems() {
        return (List<Map<String, String>>) browser.script("return [...document.querySelector('.custograph-widget')"
                + ".shadowRoot.querySelectorAll('li')].map(li => ({product: li.dataset.product,"
                + " name: li.querySelector('.name').textContent, price: li.querySelector('.price').textContent,"
                + " why: li.querySelector('.why').textContent}));");
    }

    private int plottedAndLeftOut() {
        int total = 0;
        for (List<String> row : browser.rows("[data-card=segment-scatter] details.data")) {
            total += Integer.parseInt(row.get(1)) + Integer.parseInt(row.get(2));
        }
        return total;
    }

    private void useKey(String key) {
        browser.useKey(key);
    }

    private void go(String view) {
        browser.go(view);
        assertNoError();
    }

    private void awaitView(String view) {
        browser.awaitView(view);
        assertNoError();
    }

    private void assertNoError() {
        assertThat(browser.find("#status").getAttribute("class")).as(browser.find("#status").getText()).isNotEqualTo("error");
    }

    /** How JavaScript writes a number (String(n)): no trailing ".0". */
    static String numberText(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }

    static List<String> texts(List<WebElement> elements) {
        List<String> result = new ArrayList<>();
        elements.forEach(e -> result.add(e.getText()));
        return result;
    }
}
