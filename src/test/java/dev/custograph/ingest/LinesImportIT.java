package dev.custograph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import dev.custograph.graph.EmbeddedGraphTest;
import dev.custograph.graph.GraphConnection;
import dev.custograph.graph.GraphCounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generic {@code lines} CSV: standardisation, anonymous orders, and every kind of bad input the issue lists. */
@EmbeddedGraphTest
class LinesImportIT {

    static final String HEADER = "Order_ID,customer_id,order_date,product_id,quantity,unit_price,product_name,"
            + "category,discount,status,customer_name,email,phone,country\n";

    @TempDir
    static Path temp;
    static GraphConnection db;

    @BeforeAll
    static void open(GraphConnection store) {
        db = store;
    }

    @BeforeEach
    void emptyTheGraph() {
        db.graph().write("test/delete-everything", Map.of());
    }

    @Test
    void standardisesCustomersAndKeepsAnonymousOrders() throws IOException {
        Path file = write("shop.csv", HEADER
                + "A1,c1,2024-03-01,p1,2,10.00,Mug,Kitchen,0.1,,  Ada   Lovelace ,ADA@Example.COM,030 1234567,germany\n"
                + "A1,c1,2024-03-01,p2,1,\"12,50\",Tea,Kitchen,,,,,,\n"
                + "A2,,2024-03-02T10:15:00,p1,3,10.00,Mug,Kitchen,,,,,,USA\n"
                + "A3,c2,20240305,p2,1,12.5,Tea,,,completed,Bob,bob@example,+1 212 555 0100,usa\n");

        ImportReport report = new Importer(db.graph()).run("lines", List.of(file), temp.resolve("rejects.csv"));

        assertThat(report.rowsRead()).isEqualTo(4);
        assertThat(report.rowsImported()).isEqualTo(4);
        assertThat(report.customersCreated()).isEqualTo(2);
        assertThat(report.ordersCreated()).isEqualTo(3);
        assertThat(report.productsCreated()).isEqualTo(2);
        assertThat(report.standardised()).containsEntry("emailsLowerCased", 1L).containsEntry("emailsInvalid", 1L)
                .containsEntry("phonesNormalised", 2L).containsEntry("numbersWithDecimalComma", 1L);
        Map<String, Map<String, Object>> customers = byKey(db.graph().readRows("test/customers", Map.of()),
                "customerId");
        assertThat(customers.get("c1")).containsEntry("name", "Ada Lovelace").containsEntry("email", "ada@example.com")
                .containsEntry("phone", "+49301234567").containsEntry("country", "Germany");
        assertThat(customers.get("c2")).containsEntry("email", null).containsEntry("phone", "+12125550100")
                .containsEntry("country", "United States");
        Map<String, Map<String, Object>> orders = byKey(db.graph().readRows("test/order-lines", Map.of()), "orderId");
        // A1: 2 x 10.00 x 0.9 + 1 x 12.50 = 30.50.
        assertThat(orders.get("A1")).containsEntry("total", 30.5).containsEntry("lines", 2L)
                .containsEntry("customerId", "c1");
        assertThat(orders.get("A2")).containsEntry("customerId", null).containsEntry("total", 30.0);
    }

    @Test
    void badValuesAreRejectedWithFileLineFieldAndReasonAndTheRestIsImported() throws IOException {
        Path file = write("bad.csv", HEADER
                + "B1,c1,2011-02-30,p1,1,1.00,,,,,,,,\n"
                + "B2,c1,2011-02-03,p1,abc,1.00,,,,,,,,\n"
                + "B3,c1,2011-02-03,p1,1,\"1,250\",,,,,,,,\n"
                + "B4,c1,2011-02-03,p1,1,1.00,,,1.5,,,,,\n"
                + "B5,c1,2011-02-03,p1,1,1.00\n"
                + "B6,c1,2011-02-03,,1,1.00,,,,,,,,\n"
                + "B7,c1,2011-02-03,p1,1,1.00,,,,,,,,\n");

        ImportReport report = new Importer(db.graph()).run("lines", List.of(file), temp.resolve("bad-rejects.csv"));

        assertThat(report.rowsRead()).isEqualTo(7);
        assertThat(report.rowsImported()).isEqualTo(1);
        assertThat(report.rowsRejected()).isEqualTo(6);
        assertThat(report.rejectedByReason()).isEqualTo(Map.of("not_a_date", 1L, "not_a_number", 1L,
                "ambiguous_number", 1L, "invalid_discount", 1L, "wrong_field_count", 1L, "missing_value", 1L));
        assertThat(dev.custograph.files.PrivateFiles.isOwnerOnly(temp.resolve("bad-rejects.csv")))
                .as("rejected rows hold personal data").isTrue();
        List<String> rejects = Files.readAllLines(temp.resolve("bad-rejects.csv"));
        assertThat(rejects.subList(1, 7)).containsExactly(
                "bad.csv,2,order_date,2011-02-30,not_a_date,\"'2011-02-30' is not a valid date (expected "
                        + "yyyy-mm-dd, yyyy-mm-dd hh:mm[:ss] or yyyymmdd)\"",
                "bad.csv,3,quantity,abc,not_a_number,'abc' is not a number",
                "bad.csv,4,unit_price,\"1,250\",ambiguous_number,\"'1,250' is ambiguous: is ',' a decimal or a"
                        + " thousands separator?\"",
                "bad.csv,5,discount,1.5,invalid_discount,\"discount 1.5 is not a fraction in [0, 1)\"",
                "bad.csv,6,,\"B5,c1,2011-02-03,p1,1,1.00\",wrong_field_count,\"has 6 fields, the header has 14\"",
                "bad.csv,7,product_id,,missing_value,is empty but required");
        assertThat(GraphCounts.of(db.graph()).label("Order")).isEqualTo(1);
    }

    @Test
    void extremeAmountsAreFlaggedNotDropped() throws IOException {
        // Product pa, customer c1: nine one-line orders with amounts 10,10,10,11,11,11,12,12,100.
        // percentileCont: Q1 = 10, Q3 = 12, IQR = 2, fence = 12 + 3 x 2 = 18: only the 100 is extreme, as a line
        // for pa and as an order for c1. Product pb has three lines only (fewer than 8): its 500 is not judged.
        StringBuilder csv = new StringBuilder(HEADER);
        int[] amounts = {10, 10, 10, 11, 11, 11, 12, 12, 100};
        for (int i = 0; i < amounts.length; i++) {
            csv.append("X").append(i).append(",c1,2024-01-0").append(i + 1).append(",pa,1,").append(amounts[i])
                    .append(",,,,,,,,\n");
        }
        csv.append("Y1,c2,2024-01-01,pb,1,1,,,,,,,,\nY2,c2,2024-01-02,pb,1,1,,,,,,,,\n"
                + "Y3,c2,2024-01-03,pb,1,500,,,,,,,,\n");

        ImportReport report = new Importer(db.graph()).run("lines", List.of(write("amounts.csv", csv.toString())),
                temp.resolve("amounts-rejects.csv"));

        assertThat(report.rowsImported()).isEqualTo(12);
        assertThat(report.anomaliesFlagged()).isEqualTo(2);
        Map<String, Object> flagged = db.graph().readRows("test/anomalies", Map.of()).get(0);
        assertThat(flagged.get("lines")).isEqualTo(List.of("X8-1"));
        assertThat(flagged.get("orders")).isEqualTo(List.of("X8"));
    }

    @Test
    void aTenMegabyteLineIsRejectedAndItsValueShortenedInTheRejectsFile() throws IOException {
        String huge = "x".repeat(10 * 1024 * 1024);
        Path file = write("huge.csv", HEADER + "H1,c1,2024-01-01,p1," + huge + ",1.00,,,,,,,,\n"
                + "H2,c1,2024-01-01,p1,1,1.00,,,,,,,,\n");
        ImportReport report = new Importer(db.graph()).run("lines", List.of(file), temp.resolve("huge-rejects.csv"));
        assertThat(report.rowsRejected()).isEqualTo(1);
        assertThat(report.rowsImported()).isEqualTo(1);
        assertThat(Files.size(temp.resolve("huge-rejects.csv"))).isLessThan(2_000);
    }

    @Test
    void structuralDamageStopsTheImportBeforeAnythingIsWritten() throws IOException {
        String good = "G1,c1,2024-01-01,p1,1,1.00,,,,,,,,\n";
        assertRefused(write("quoting.csv", HEADER + good + "G2,c1,2024-01-01,p1,1,\"1.00\"x,,,,,,,,\n"),
                "quoting.csv line 3: ");
        assertRefused(write("empty.csv", ""), "empty.csv is empty: expected a header line");
        assertRefused(write("nocolumn.csv", "order_id,customer_id,order_date,product_id,quantity\n" + good),
                "nocolumn.csv line 1: missing column 'unit_price'");

        Path latin1 = temp.resolve("latin1.csv");
        Files.write(latin1, (HEADER + good + "G3,c1,2024-01-01,p1,1,1.00,Caf\u00e9,,,,,,,\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertRefused(latin1, "latin1.csv line 3: bytes that are not UTF-8 text");

        Path truncated = temp.resolve("truncated.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(truncated))) {
            out.write((HEADER + good.repeat(20_000)).getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertRefused(truncated, "the gzip stream ends early (the file is truncated)");

        assertThatThrownBy(() -> new Importer(db.graph()).run("lines", List.of(temp.resolve("absent.csv")),
                temp.resolve("r.csv"))).hasMessageContaining("absent.csv does not exist");
    }

    private void assertRefused(Path file, String message) {
        assertThatThrownBy(() -> new Importer(db.graph()).run("lines", List.of(file), temp.resolve("r.csv")))
                .isInstanceOf(ImportFailedException.class).hasMessageContaining(message);
        GraphCounts counts = GraphCounts.of(db.graph());
        assertThat(counts.label("Order") + counts.label("Customer") + counts.label("Product")).as(file.toString())
                .isZero();
    }

    private static Path write(String name, String content) throws IOException {
        return Files.writeString(temp.resolve(name), content);
    }

    private static Map<String, Map<String, Object>> byKey(List<Map<String, Object>> rows, String key) {
        return rows.stream().collect(Collectors.toMap(r -> (String) r.get(key), Function.identity()));
    }
}
