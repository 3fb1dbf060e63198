package dev.custograph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import dev.custograph.graph.CustomerHistories;
import dev.custograph.graph.GraphConnection;
import dev.custograph.graph.GraphCounts;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * All of UCI Online Retail (541,909 rows) into an empty embedded database, which an import writes in bulk (that
 * it builds the graph the transactional path builds is {@link BulkImportIT}'s to show). Expected values are computed here from
 * the raw files, row by row, applying the documented rules independently of the importer.
 */
class OnlineRetailImportIT {

    static final Path DATA = Path.of("..", "shared", "data", "online_retail");

    @TempDir
    static Path temp;
    static GraphConnection db;
    static ImportReport report;
    static Expected expected;

    /** What the documented rules say the import must give, computed from the files. */
    record Expected(long rows, long nonPositivePrice, long nonPositiveQuantity, Set<String> completedOrders,
                    Set<String> cancelledOrders, Set<String> anonymousOrders, Set<String> customers,
                    BigDecimal completedRevenue, Map<String, Long> linesPerOrder, Set<String> customerOrders,
                    BigDecimal customersCompletedRevenue) {
    }

    @BeforeAll
    static void importEverything() throws IOException {
        expected = expected(files(12));
        Path dataDir = temp.resolve("data");
        report = new BulkImport(dataDir, dev.custograph.model.ValueRules.DateWindow.DEFAULT).run("online-retail",
                null, List.of(DATA), temp.resolve("rejects.csv"));
        db = GraphConnection.open(dataDir, null, null, null);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void everyRowIsImportedOrRejectedWithItsReason() {
        assertThat(report.rowsRead()).isEqualTo(541_909).isEqualTo(expected.rows());
        assertThat(report.rowsImported() + report.rowsRejected()).isEqualTo(report.rowsRead());
        Map<String, Long> byReason = new java.util.TreeMap<>(Map.of("non_positive_price", expected.nonPositivePrice(),
                "non_positive_quantity", expected.nonPositiveQuantity()));
        byReason.values().removeIf(count -> count == 0);
        assertThat(report.rejectedByReason()).isEqualTo(byReason);
        assertThat(report.rejectedByReason().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(report.rowsRejected());
        assertThat(report.files()).hasSize(13).allSatisfy(f ->
                assertThat(f.rowsImported() + f.rowsRejected()).isEqualTo(f.rowsRead()));
        assertThat(report.files().get(0).rowsRead()).isEqualTo(42_481);
    }

    @Test
    void theRejectsFileHasOneRowPerRejectedRowWithFileLineFieldValueAndReason() throws IOException {
        List<String> lines = Files.readAllLines(temp.resolve("rejects.csv"));
        assertThat(lines.get(0)).isEqualTo("file,line,field,value,reason,message");
        assertThat(lines).hasSize((int) report.rowsRejected() + 1);
        assertThat(lines.get(1)).startsWith("online_retail_2010-12.csv.gz,").contains(",UnitPrice,0.0,non_positive_price,");
        assertThat(report.rejectsFile()).isEqualTo(temp.resolve("rejects.csv").toString());
    }

    @Test
    void theGraphHoldsTheImportedOrdersCancellationsAndAnonymousOrders() {
        GraphCounts counts = GraphCounts.of(db.graph());
        assertThat(counts.type("CONTAINS")).isEqualTo(report.rowsImported());
        assertThat(counts.label("Customer")).isEqualTo(expected.customers().size());
        assertThat(report.customersCreated()).isEqualTo(expected.customers().size());
        Map<String, Object> orders = db.graph().readRows("test/order-summary", Map.of()).get(0);
        assertThat(orders.get("completed")).isEqualTo((long) expected.completedOrders().size());
        assertThat(orders.get("cancelled")).isEqualTo((long) expected.cancelledOrders().size());
        assertThat(orders.get("anonymous")).isEqualTo((long) expected.anonymousOrders().size());
        assertThat(report.ordersCreated()).isEqualTo(expected.completedOrders().size()
                + expected.cancelledOrders().size());
        assertThat(((Number) orders.get("completedRevenue")).doubleValue())
                .isCloseTo(expected.completedRevenue().doubleValue(), within(1.0));
    }

    @Test
    void theAnalyticsProjectionLeavesCancelledOrdersOutUnlessAskedAndNeverHoldsAnonymousOnes() {
        long[] customers = new long[2];
        long[] orders = new long[2];
        double[] spend = new double[2];
        for (int k = 0; k < 2; k++) {
            int slot = k;
            customers[k] = new CustomerHistories(db.graph()).forEach(LocalDate.of(2011, 12, 31), k == 1, h -> {
                for (int i = 0; i < h.purchaseDays(); i++) {
                    orders[slot] += h.orders()[i];
                    spend[slot] += h.spends()[i];
                }
            });
        }
        Set<String> cancelledByCustomers = new HashSet<>(expected.cancelledOrders());
        cancelledByCustomers.retainAll(expected.customerOrders());

        assertThat(customers).containsOnly(expected.customers().size());
        assertThat(orders[0]).isEqualTo(expected.customerOrders().size() - cancelledByCustomers.size());
        assertThat(orders[1]).isEqualTo(expected.customerOrders().size());
        assertThat(spend[0]).isCloseTo(expected.customersCompletedRevenue().doubleValue(), within(1.0));
        assertThat(spend[1]).isLessThan(spend[0]);
    }

    @Test
    void floatCustomerIdsAreWholeNumbersAndCountriesAreIso() {
        List<Map<String, Object>> customers = db.graph().readRows("test/customers", Map.of());
        assertThat(customers).extracting(c -> (String) c.get("customerId")).allMatch(id -> id.matches("\\d+"))
                .contains("17850", "12346");
        assertThat(customers).extracting(c -> c.get("country")).contains("Ireland", "United States", "South Africa")
                .doesNotContain("EIRE", "USA", "RSA");
    }

    /** The first {@code months + 1} monthly files, in order. */
    static List<Path> files(int months) throws IOException {
        try (Stream<Path> list = Files.list(DATA)) {
            return list.filter(p -> p.toString().endsWith(".gz")).sorted().limit(months + 1L).toList();
        }
    }

    static Expected expected(List<Path> files) throws IOException {
        long rows = 0;
        long nonPositivePrice = 0;
        long nonPositiveQuantity = 0;
        Set<String> completed = new HashSet<>();
        Set<String> cancelled = new HashSet<>();
        Set<String> anonymous = new HashSet<>();
        Set<String> customers = new HashSet<>();
        BigDecimal revenue = BigDecimal.ZERO;
        Map<String, Long> linesPerOrder = new java.util.HashMap<>();
        Set<String> customerOrders = new HashSet<>();
        BigDecimal customersRevenue = BigDecimal.ZERO;
        for (Path file : files) {
            try (Reader reader = new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                    StandardCharsets.UTF_8)) {
                for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(reader)) {
                    rows++;
                    String invoice = r.get("InvoiceNo");
                    boolean isCancellation = invoice.startsWith("C");
                    BigDecimal price = new BigDecimal(r.get("UnitPrice"));
                    long quantity = Long.parseLong(r.get("Quantity"));
                    if (price.signum() <= 0) {
                        nonPositivePrice++;
                        continue;
                    }
                    if (!isCancellation && quantity <= 0) {
                        nonPositiveQuantity++;
                        continue;
                    }
                    (isCancellation ? cancelled : completed).add(invoice);
                    linesPerOrder.merge(invoice, 1L, Long::sum);
                    if (r.get("CustomerID").isEmpty()) {
                        anonymous.add(invoice);
                    } else {
                        customers.add(r.get("CustomerID").replace(".0", ""));
                        customerOrders.add(invoice);
                    }
                    if (!isCancellation) {
                        revenue = revenue.add(price.multiply(BigDecimal.valueOf(quantity)));
                        if (!r.get("CustomerID").isEmpty()) {
                            customersRevenue = customersRevenue.add(price.multiply(BigDecimal.valueOf(quantity)));
                        }
                    }
                }
            }
        }
        return new Expected(rows, nonPositivePrice, nonPositiveQuantity, completed, cancelled, anonymous, customers,
                revenue, linesPerOrder, customerOrders, customersRevenue);
    }
}
