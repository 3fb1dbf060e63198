package dev.custograph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.custograph.Custograph;
import dev.custograph.graph.EmbeddedGraphTest;
import dev.custograph.graph.GraphConnection;
import dev.custograph.graph.GraphCounts;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values no entry point may let in, and rows no import may abort on: each bad row is that row's reject, named by
 * line and field, and every good row around it is imported.
 */
@EmbeddedGraphTest
class BadValuesImportIT {

    static final String HEADER = "order_id,customer_id,order_date,product_id,quantity,unit_price,product_name,email,"
            + "phone\n";

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
        db.graph().write("test/drop-order-status-constraint", Map.of());
    }

    @Test
    void moneyQuantitiesDatesAndTextOutOfBoundsAreThatRowsRejects() throws IOException {
        String tooLong = "x".repeat(10_000);
        Path file = write("bad.csv", HEADER
                + "O1,c1,2024-03-01,p1,2,10.00,Mug,,\n"
                + "O2,c1,2024-03-02,p1,2,1e309,Mug,,\n"
                + "O3,c1,2024-03-03,p1,2,2000000000,Mug,,\n"
                + "O4,c1,2024-03-04,p1,10000000,1.00,Mug,,\n"
                + "O5,c1,9999-12-31,p1,1,1.00,Mug,,\n"
                + "O6,c1,0001-01-01,p1,1,1.00,Mug,,\n"
                + "O7,c1,2024-03-07,p9," + "1,1.00," + tooLong + ",,\n"
                + "O8,c2,2024-03-08,p1,1,1.00,Mug,\"bob\u0000@example.com\",\n"
                + "O9,c3,2024-03-09,p1,1,1.00,Mug,,\"+44\u00002079460958\"\n"
                + "O10,c1,2024-03-10,p1,=1+1,1.00,Mug,,\n"
                + "O11,c1,2024-03-11,p1,1,3.50,Mug,,\n");

        ImportReport report = new Importer(db.graph()).run("lines", List.of(file), temp.resolve("bad-rejects.csv"));

        assertThat(report.rowsRead()).isEqualTo(11);
        assertThat(report.rowsImported()).isEqualTo(2);
        assertThat(report.rowsRejected()).isEqualTo(9);
        assertThat(report.rejectedByReason()).isEqualTo(Map.of("out_of_range", 5L, "too_long", 1L,
                "control_character", 2L, "not_a_number", 1L));
        List<CSVRecord> rejects = read(temp.resolve("bad-rejects.csv"));
        assertThat(rejects).extracting(r -> r.get("line") + " " + r.get("field") + " " + r.get("reason"))
                .containsExactly("3 unit_price out_of_range", "4 unit_price out_of_range", "5 quantity out_of_range",
                        "6 order_date out_of_range", "7 order_date out_of_range", "8 product_name too_long",
                        "9 email control_character", "10 phone control_character", "11 quantity not_a_number");
        assertThat(rejects.get(0).get("message")).isEqualTo("price 1E+309 is over the limit of 1000000000");
        assertThat(rejects.get(3).get("message")).isEqualTo("date 9999-12-31 is not between 1900-01-01 and "
                + java.time.LocalDate.now().plusDays(1));
        assertThat(rejects.get(5).get("value")).as("a huge value is shortened in the rejects file")
                .startsWith("xxxx").endsWith("(10000 characters)");
        assertThat(rejects.get(8).get("value")).as("a spreadsheet shows it, it does not run it").isEqualTo("'=1+1");
        assertThat(rejects.get(6).get("value")).as("the NUL shown, not written").isEqualTo("bob\\u0000@example.com");
        assertThat(dev.custograph.files.PrivateFiles.isOwnerOnly(temp.resolve("bad-rejects.csv"))).isTrue();

        GraphCounts counts = GraphCounts.of(db.graph());
        assertThat(counts.label("Order")).isEqualTo(2);
        assertThat(counts.revenue()).isEqualTo(2 * 10.00 + 3.50);
    }

    @Test
    void aTooLongNameAfterSixThousandGoodRowsIsOneRejectAndEveryGoodRowIsImported() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 6000; i++) {
            csv.append("N").append(i).append(",c").append(i % 50).append(",2024-03-01,p").append(i % 20)
                    .append(",1,2.00,Product ").append(i % 20).append(",,\n");
        }
        csv.append("N6001,c1,2024-03-01,p99,1,2.00,").append("y".repeat(10_000)).append(",,\n");
        Path file = write("long-name.csv", csv.toString());
        Path rejects = temp.resolve("long-name-rejects.csv");

        int status = Custograph.run("import", "--format", "lines", file.toString(), "--data-dir",
                temp.resolve("cli-data").toString(), "--rejects", rejects.toString());

        assertThat(status).isZero();
        List<CSVRecord> rejected = read(rejects);
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).get("line")).isEqualTo("6002");
        assertThat(rejected.get(0).get("field")).isEqualTo("product_name");
        assertThat(rejected.get(0).get("reason")).isEqualTo("too_long");
        try (GraphConnection cli = GraphConnection.open(temp.resolve("cli-data"), null, null, null)) {
            assertThat(GraphCounts.of(cli.graph()).label("Order")).isEqualTo(6000);
        }
    }

    @Test
    void aHeaderThatNamesAColumnTwiceIsRefusedNamingItAndNothingIsWritten() throws IOException {
        Path file = write("twice.csv", "order_id,customer_id,order_date,product_id,quantity,unit_price,Quantity\n"
                + "T1,c1,2024-03-01,p1,1,1.00,5\n");
        assertThatThrownBy(() -> new Importer(db.graph()).run("lines", List.of(file), temp.resolve("r.csv")))
                .isInstanceOf(ImportFailedException.class)
                .hasMessage("twice.csv line 1: the header names column 'quantity' twice; which one holds the data is "
                        + "not clear, so nothing was imported");
        assertThat(GraphCounts.of(db.graph()).label("Order")).isZero();
    }

    @Test
    void aCustomerProfileWithAnIdTooLargeForANumberIsThatLinesReject() throws IOException {
        Path file = write("crm.jsonl", "{\"id\": \"A\", \"name\": \"Ann\"}\n{\"id\": 1e400}\n"
                + "{\"id\": \"B\", \"name\": \"Ben\", \"birthDate\": \"2999-01-01\"}\n{\"id\": \"C\", \"name\": \"Cy\"}\n");

        ImportReport report = new Importer(db.graph()).run("customers-jsonl", List.of(file), temp.resolve("crm.csv"));

        assertThat(report.rowsImported()).isEqualTo(2);
        List<CSVRecord> rejects = read(temp.resolve("crm.csv"));
        assertThat(rejects).extracting(r -> r.get("line") + " " + r.get("field") + " " + r.get("reason"))
                .containsExactly("2 id not_a_whole_number", "3 birthDate out_of_range");
        assertThat(GraphCounts.of(db.graph()).label("Customer")).isEqualTo(2);
    }

    @Test
    void rowsTheDatabaseRefusesAreThatOrdersRejectsAndTheRestIsWritten() throws IOException {
        // An operator's own rule that the checks before the database do not know: no two orders share a status.
        db.graph().write("test/order-status-constraint", Map.of());
        Path file = write("refused.csv", "order_id,customer_id,order_date,product_id,quantity,unit_price,status\n"
                + "R1,c1,2024-03-01,p1,1,1.00,completed\n"
                + "R2,c1,2024-03-02,p2,1,1.00,pending\n"
                + "R3,c2,2024-03-03,p3,1,1.00,completed\n"
                + "R3,c2,2024-03-03,p2,1,1.00,completed\n"
                + "R4,c2,2024-03-04,p2,2,1.00,shipped\n");

        ImportReport report = new Importer(db.graph()).run("lines", List.of(file), temp.resolve("refused-r.csv"));

        assertThat(report.rowsRead()).isEqualTo(report.rowsImported() + report.rowsRejected());
        assertThat(report.rowsRejected()).as("the two lines of order R3, the second completed order").isEqualTo(2);
        assertThat(report.rejectedByReason()).isEqualTo(Map.of("write_failed", 2L));
        List<CSVRecord> rejects = read(temp.resolve("refused-r.csv"));
        assertThat(rejects).extracting(r -> r.get("line")).containsExactly("4", "5");
        assertThat(rejects.get(0).get("message")).startsWith("the database refused it: ")
                .contains("already exists with label `Order` and property `status`");
        assertThat(GraphCounts.of(db.graph()).label("Order")).isEqualTo(3);
    }

    private static Path write(String name, String text) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static List<CSVRecord> read(Path rejects) throws IOException {
        try (Reader reader = Files.newBufferedReader(rejects)) {
            return new ArrayList<>(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader).getRecords());
        }
    }
}
