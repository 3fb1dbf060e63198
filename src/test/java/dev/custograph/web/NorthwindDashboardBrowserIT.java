package dev.custograph.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.custograph.CustographApplication;
import dev.custograph.NorthwindCsv;
import dev.custograph.TestData;
import dev.custograph.graph.Graph;
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

/**
 * The dashboard on Northwind imported from its CSV files: the revenue chart plots each month's revenue as summed
 * from order-details.csv, and ALFKI's Customer 360 lists exactly its orders in orders.csv.
 */
@SpringBootTest(classes = CustographApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NorthwindDashboardBrowserIT {

    static final String ADMIN = "northwind-browser-admin-01";

    @DynamicPropertySource
    static void embeddedStore(DynamicPropertyRegistry registry) {
        registry.add("custograph.data-dir", () -> BrowserIT.tempDir("custograph-northwind-browser"));
        registry.add("custograph.bolt-port", () -> 0);
        registry.add("custograph.http-port", () -> 0);
        registry.add("custograph.security.admin-key", () -> ADMIN);
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
}
