package dev.custograph.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.custograph.CustographApplication;
import dev.custograph.NorthwindCsv;
import dev.custograph.TestData;
import dev.custograph.api.GraphQlHttp;
import dev.custograph.graph.Graph;
import dev.custograph.ingest.Importer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard on Northwind imported from its CSV files: the revenue chart plots each month's revenue as summed
 * from order-details.csv, and ALFKI's Customer 360 lists exactly its orders in orders.csv; the widget says so when a
 * customer has bought everything there is.
 */
@SpringBootTest(classes = CustographApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NorthwindDashboardBrowserIT {

    static final String ADMIN = "northwind-browser-admin-01";
    static final String APP = "northwind-browser-app-0001";

    @DynamicPropertySource
    static void embeddedStore(DynamicPropertyRegistry registry) {
        registry.add("custograph.data-dir", () -> BrowserIT.tempDir("custograph-northwind-browser"));
        registry.add("custograph.bolt-port", () -> 0);
        registry.add("custograph.http-port", () -> 0);
        registry.add("custograph.security.admin-key", () -> ADMIN);
        registry.add("custograph.security.keys[0].role", () -> "app");
        registry.add("custograph.security.keys[0].key", () -> APP);
    }

    @LocalServerPort
    int port;
    @Autowired
    Graph graph;

    Browser browser;

    @BeforeAll
    void importNorthwindAndOpenABrowser() {
        // Imported only: the overview's revenue needs no analytics run, and the views that do say which to run.
        new Importer(graph).run("northwind", List.of(TestData.northwind()));
        browser = new Browser();
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void theRevenueChartAndAlfkisOrdersAreTheCsvFiles() {
        Map<String, String> monthOfOrder = new HashMap<>();
        Set<String> alfkiOrders = new HashSet<>();
        for (Map<String, String> o : NorthwindCsv.rows("orders.csv")) {
            monthOfOrder.put(o.get("orderID"), o.get("orderDate").substring(0, 7));
            if (o.get("customerID").equals("ALFKI")) {
                alfkiOrders.add(o.get("orderID"));
            }
        }
        Map<String, BigDecimal> revenue = new TreeMap<>();
        Map<String, Set<String>> orders = new TreeMap<>();
        for (Map<String, String> l : NorthwindCsv.rows("order-details.csv")) {
            String month = monthOfOrder.get(l.get("orderID"));
            revenue.merge(month, new BigDecimal(l.get("unitPrice")).multiply(new BigDecimal(l.get("quantity")))
                    .multiply(BigDecimal.ONE.subtract(new BigDecimal(l.get("discount")))), BigDecimal::add);
            orders.computeIfAbsent(month, m -> new HashSet<>()).add(l.get("orderID"));
        }

        browser.open("http://localhost:" + port + "/#overview");
        browser.useKey(ADMIN);
        browser.awaitView("overview");
        List<List<String>> months = browser.rows("[data-card=revenue-by-month] details.data");
        assertThat(months).extracting(row -> row.get(0)).containsExactlyElementsOf(revenue.keySet());
        for (List<String> month : months) {
            // Order totals are stored rounded to the cent, so a month may differ by a cent per order.
            assertThat(Double.parseDouble(month.get(1))).as(month.get(0)).isCloseTo(
                    revenue.get(month.get(0)).doubleValue(), within(0.01 * orders.get(month.get(0)).size()));
        }
        assertThat(browser.svgTexts("[data-card=revenue-by-month]")).contains("1996-07");
        browser.screenshot("northwind-overview");

        browser.go("customer/ALFKI");
        assertThat(browser.find("[data-card=customer-profile] h2").getText()).isEqualTo("Alfreds Futterkiste");
        assertThat(browser.rows("[data-card=customer-orders]")).extracting(row -> row.get(0))
                .containsExactlyInAnyOrderElementsOf(alfkiOrders);
        assertThat(browser.find("[data-card=customer-orders] h2").getText()).isEqualTo("Orders (" + alfkiOrders.size() + ")");
        browser.screenshot("northwind-customer-alfki");

        // Before any analytics run, a view says what to run instead of drawing empty charts.
        browser.go("rfm");
        assertThat(browser.find("[data-card=rfm-heatmap] .empty").getText()).contains("custograph analyze");
        assertThat(browser.findAll("[data-card=rfm-heatmap] svg")).isEmpty();
    }

    @Test
    @Order(2)
    void theWidgetSaysSoWhenThereIsNothingLeftToRecommend() {
        // A customer who has bought every product: nothing is ever recommended that the customer already bought.
        GraphQlHttp admin = GraphQlHttp.withKey(port, ADMIN);
        admin.post("mutation { upsertCustomer(input: {id: \"ALLOFIT\", name: \"Has Everything\", country: \"Germany\"}) "
                + "{ created } }");
        List<Map<String, Object>> lines = new ArrayList<>();
        admin.post("{ products(first: 100) { edges { node { id } } } }").at("/data/products/edges")
                .forEach(e -> lines.add(Map.of("productId", e.at("/node/id").asString(), "quantity", 1)));
        assertThat(lines).hasSize(77);
        JsonNode placed = admin.post("mutation($lines: [OrderLineInput!]!) { placeOrder(input: {idempotencyKey: "
                + "\"everything\", customerId: \"ALLOFIT\", orderDate: \"1998-05-06\", lines: $lines}) { created } }",
                Map.of("lines", lines));
        assertThat(placed.at("/data/placeOrder/created").asBoolean()).as(placed.toString()).isTrue();
        JsonNode recommendations = new GraphQlHttp(port, Map.of("Authorization", "Bearer " + APP,
                "X-Customer-Id", "ALLOFIT")).post("{ recommendations(customerId: \"ALLOFIT\") { product { id } } }");
        assertThat(recommendations.at("/data/recommendations").size()).as(recommendations.toString()).isZero();

        browser.open("http://localhost:" + port + "/widget-demo.html?customer=ALLOFIT&key=" + APP);
        String state = browser.await(d -> (String) browser.script("const w = document.querySelector("
                + "'.custograph-widget'); return w && w.dataset.state !== 'loading' ? w.dataset.state : null;"));
        assertThat(state).isEqualTo("empty");
        assertThat((String) browser.script("return document.querySelector('.custograph-widget').shadowRoot"
                + ".querySelector('.message').textContent")).isEqualTo("No recommendations yet: have a look around the shop.");
        browser.screenshot("widget-demo-nothing-to-recommend");
    }

    @Test
    @Order(3)
    void theClvViewLeadsWithTheRunsWarningsWhenItsModelCannotBeTrusted() {
        // Northwind's BG/NBD fit is degenerate (every customer held alive): the view says so above its numbers.
        new dev.custograph.analytics.ValueAnalysis(graph).run(
                dev.custograph.analytics.ValueAnalysis.Parameters.defaults(), null);
        List<String> warnings = new ArrayList<>();
        GraphQlHttp.withKey(port, ADMIN).post("{ analyticsRun { warnings } }").at("/data/analyticsRun/warnings")
                .forEach(w -> warnings.add(w.asString()));
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("BG/NBD's fit is degenerate"));

        browser.open("http://localhost:" + port + "/#clv");
        browser.useKey(ADMIN);
        browser.awaitView("clv");
        assertThat(browser.findAll("[data-card=model-warnings] li")).extracting(e -> e.getText())
                .containsExactlyElementsOf(warnings);
        assertThat(browser.find("#view [data-card]").getAttribute("data-card")).isEqualTo("model-warnings");
        // The histogram's note counts the customers above its cap in words that fit the count ("the 0 above it" read
        // oddly when none were).
        long above = GraphQlHttp.withKey(port, ADMIN).post("{ clvHistogram { aboveCap } }")
                .at("/data/clvHistogram/aboveCap").asLong();
        String note = browser.find("[data-card=clv-histogram] .note").getText();
        if (above == 0) {
            assertThat(note).endsWith(").").doesNotContain("above it");
        } else {
            assertThat(note).endsWith(above == 1 ? "; the one customer above it is in the last bin."
                    : "; the " + above + " above it are in the last bin.");
        }
        browser.screenshot("northwind-clv-warnings");
    }

    @Test
    @Order(4)
    void theActionsViewCountsListsAndFiltersWhatTheApiServes() {
        new dev.custograph.analytics.ValueAnalysis(graph).run(
                dev.custograph.analytics.ValueAnalysis.Parameters.defaults(), null);
        new dev.custograph.analytics.churn.ChurnPrediction(graph).run(new dev.custograph.analytics.churn
                .ChurnPrediction.Parameters(java.time.LocalDate.of(1997, 12, 31), 120,
                List.of("recency", "frequency", "monetary"), dev.custograph.analytics.churn.ChurnPrediction.Penalty.L2,
                1.0, dev.custograph.analytics.churn.ChurnPrediction.Validation.RANDOM, 0.3, 42, true));
        new dev.custograph.actions.NextBestActions(graph).run(new dev.custograph.actions.NextBestActions.Parameters(
                dev.custograph.actions.ActionPolicy.defaults(), java.time.LocalDate.of(2026, 12, 1), true, true),
                null);
        GraphQlHttp api = GraphQlHttp.withKey(port, ADMIN);
        JsonNode counts = api.post("{ nextBestActionCounts { action label customers } }")
                .at("/data/nextBestActionCounts");
        List<List<String>> expectedCounts = new ArrayList<>();
        counts.forEach(c -> expectedCounts.add(List.of(c.at("/label").asString(),
                String.valueOf(c.at("/customers").asLong()))));
        JsonNode top = api.post("{ nextBestActions(first: 50) { totalCount edges { node { id nextBestAction { label "
                + "expectedValue reasons } } } } }").at("/data/nextBestActions");

        browser.open("http://localhost:" + port + "/#actions");
        browser.useKey(ADMIN);
        browser.awaitView("actions");
        assertThat(browser.rows("[data-card=action-counts] details.data")).extracting(r -> List.of(r.get(0), r.get(1)))
                .containsExactlyElementsOf(expectedCounts);
        assertThat(browser.svgTexts("[data-card=action-counts]")).contains(expectedCounts.get(0).get(0));
        List<List<String>> listed = browser.rows("[data-card=action-list]");
        assertThat(listed).hasSize(top.at("/edges").size());
        JsonNode best = top.at("/edges/0/node");
        assertThat(listed.get(0).get(0)).contains(best.at("/id").asString());
        assertThat(listed.get(0).get(1)).isEqualTo(best.at("/nextBestAction/label").asString());
        assertThat(Double.parseDouble(listed.get(0).get(2).replace(",", "")))
                .isCloseTo(best.at("/nextBestAction/expectedValue").asDouble(), within(0.005));
        assertThat(listed.get(0).get(5)).contains(best.at("/nextBestAction/reasons/0").asString());
        assertThat(browser.find("[data-card=action-list] .count").getText())
                .isEqualTo(listed.size() + " of " + top.at("/totalCount").asLong() + " customers");
        browser.screenshot("northwind-actions");

        // One action: only its customers, as many as the counts say.
        String action = counts.get(counts.size() - 1).at("/action").asString();
        long customers = counts.get(counts.size() - 1).at("/customers").asLong();
        new org.openqa.selenium.support.ui.Select(browser.find("#action-filter")).selectByValue(action);
        browser.await(d -> browser.find("[data-card=action-list] .count").getText()
                .endsWith(" of " + customers + " customers"));
        assertThat(browser.rows("[data-card=action-list]")).hasSize((int) Math.min(50, customers))
                .allSatisfy(r -> assertThat(r.get(1)).isEqualTo(counts.get(counts.size() - 1).at("/label").asString()));

        // The customer's page leads with its one decision.
        browser.go("customer/" + best.at("/id").asString());
        assertThat(browser.find("[data-card=customer-next-action]").getText())
                .contains(best.at("/nextBestAction/label").asString())
                .contains(best.at("/nextBestAction/reasons/0").asString());
    }
}
