package dev.custograph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.custograph.graph.EmbeddedGraphTest;
import dev.custograph.graph.GraphConnection;
import dev.custograph.graph.GraphCounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code customers-jsonl}: CRM profiles, one JSON object per line; every bad line named, nothing lost. */
@EmbeddedGraphTest
class CustomersJsonlImportIT {

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
    void everyBadLineIsRejectedWithItsLineFieldAndReasonAndTheRestImported() throws IOException {
        Path file = Files.writeString(temp.resolve("crm.jsonl"), String.join("\n",
                "{\"id\": \"a\", \"name\": \"  Ann   Lee \", \"country\": \"deu\", \"phone\": \"030 1234567\"}",
                "",
                "{\"id\": \"b\", \"name\": \"Broken\"",
                "[1, 2]",
                "{\"name\": \"No id\"}",
                "{\"id\": \"c\", \"name\": 42}",
                "{\"id\": \"d\", \"birthDate\": \"1990-02-30\"}",
                "{\"id\": \"e\", \"birthDate\": \"2990-01-01\"}",
                "{\"id\": 17850.5}",
                "{\"id\": 17850, \"loyaltyTier\": \"gold\"}") + "\n");

        ImportReport report = new Importer(db.graph()).run("customers-jsonl", List.of(file),
                temp.resolve("crm-rejects.csv"));

        // Ten lines, one blank (not a row): nine rows read, two imported, seven rejected.
        assertThat(report.rowsRead()).isEqualTo(9);
        assertThat(report.rowsImported()).isEqualTo(2);
        assertThat(report.rowsRejected()).isEqualTo(7);
        assertThat(report.rowsRead()).isEqualTo(report.rowsImported() + report.rowsRejected());
        assertThat(report.rejectedByReason()).isEqualTo(Map.of("not_json", 2L, "missing_value", 1L,
                "wrong_type", 1L, "not_a_date", 1L, "out_of_range", 1L, "not_a_whole_number", 1L));
        assertThat(report.standardised()).containsEntry("unknownFieldsIgnored", 1L)
                .containsEntry("countriesRenamed", 1L).containsEntry("phonesNormalised", 1L);
        List<String> rejects = Files.readAllLines(temp.resolve("crm-rejects.csv"));
        assertThat(rejects).hasSize(8);
        assertThat(rejects.get(1)).startsWith("crm.jsonl,3,,\"{\"\"id\"\": \"\"b\"\", \"\"name\"\": \"\"Broken\"\"\","
                + "not_json,");
        assertThat(rejects.get(2)).isEqualTo("crm.jsonl,4,,\"[1, 2]\",not_json,is not a JSON object");
        assertThat(rejects.get(3)).isEqualTo("crm.jsonl,5,externalId,,missing_value,"
                + "\"is empty but required (give externalId, or id)\"");
        assertThat(rejects.get(4)).isEqualTo("crm.jsonl,6,name,42,wrong_type,\"must be a string, not number\"");
        assertThat(rejects.get(5)).startsWith("crm.jsonl,7,birthDate,1990-02-30,not_a_date,");
        assertThat(rejects.get(6)).isEqualTo("crm.jsonl,8,birthDate,2990-01-01,out_of_range,"
                + "birth date 2990-01-01 is not between 1900-01-01 and today");
        assertThat(rejects.get(7)).startsWith("crm.jsonl,9,id,17850.5,not_a_whole_number,");

        Map<String, Object> ann = db.graph().readRows("test/customer-profile", Map.of("customerId", "a")).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) ann.get("properties");
        assertThat(properties).containsEntry("name", "Ann Lee").containsEntry("country", "Germany")
                .containsEntry("phone", "+49301234567");
        assertThat(ann.get("identities")).isEqualTo(List.of("crm/a"));
        assertThat(db.graph().readRows("test/customer-profile", Map.of("customerId", "17850"))).hasSize(1);
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedBeforeAnythingIsWritten() throws IOException {
        Path file = temp.resolve("latin1.jsonl");
        Files.write(file, "{\"id\": \"a\"}\n{\"id\": \"b\", \"name\": \"Caf\u00e9\"}\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> new Importer(db.graph()).run("customers-jsonl", List.of(file),
                temp.resolve("r.csv"))).isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("latin1.jsonl line 2: bytes that are not UTF-8 text");
        assertThat(GraphCounts.of(db.graph()).label("Customer")).isZero();
    }

    @Test
    void numericAttributesBecomeCustomerPropertiesAndBadOnesAreRejectedByName() throws IOException {
        Path file = Files.writeString(temp.resolve("attributes.jsonl"), String.join("\n",
                "{\"id\": \"w1\", \"attributes\": {\"browsingMinutes\": 12.5, \"rating\": 4, \"visits\": null}}",
                "{\"id\": \"w2\", \"attributes\": {\"rating\": \"five\"}}",
                "{\"id\": \"w3\", \"attributes\": {\"clv\": 100}}",
                "{\"id\": \"w4\", \"attributes\": {\"page views\": 3}}",
                "{\"id\": \"w5\", \"attributes\": [1]}") + "\n");
        ImportReport report = new Importer(db.graph()).run("customers-jsonl", List.of(file),
                temp.resolve("attribute-rejects.csv"));
        assertThat(report.rowsImported()).isEqualTo(1);
        assertThat(report.rejectedByReason()).isEqualTo(Map.of("not_a_number", 1L, "reserved_name", 1L,
                "bad_name", 1L, "wrong_type", 1L));
        List<String> rejects = Files.readAllLines(temp.resolve("attribute-rejects.csv"));
        assertThat(rejects.get(1)).isEqualTo("attributes.jsonl,2,attributes.rating,five,not_a_number,"
                + "'five' is not a number");
        assertThat(rejects.get(2)).startsWith("attributes.jsonl,3,attributes.clv,clv,reserved_name,");
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) db.graph()
                .readRows("test/customer-profile", Map.of("customerId", "w1")).get(0).get("properties");
        assertThat(properties).containsEntry("browsingMinutes", 12.5).containsEntry("rating", 4L)
                .doesNotContainKey("visits");
    }

    @Test
    void aProfileNamingItsSourceIsKeyedByIt() throws IOException {
        Path file = Files.writeString(temp.resolve("sources.jsonl"),
                "{\"source\": \"zendesk\", \"externalId\": \"z-1\", \"name\": \"Zoe\"}\n");
        ImportReport report = new Importer(db.graph()).run("customers-jsonl", "hubspot", List.of(file),
                temp.resolve("r.csv"));
        assertThat(report.customersCreated()).isEqualTo(1);
        assertThat(db.graph().readRows("test/customer-profile", Map.of("customerId", "z-1")).get(0)
                .get("identities")).isEqualTo(List.of("zendesk/z-1"));
    }
}
