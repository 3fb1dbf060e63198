package dev.custograph.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.custograph.graph.EmbeddedGraphTest;
import dev.custograph.graph.GraphConnection;
import dev.custograph.graph.GraphCounts;
import dev.custograph.ingest.ImportReport;
import dev.custograph.ingest.Importer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identity resolution across sources: a shop's order lines and a CRM's profiles describe the same people; they must
 * end up as one customer each, with every source id still resolving, a merge log, and merges that can be undone.
 */
@EmbeddedGraphTest
class IdentityResolutionIT {

    static final String LINES_HEADER = "order_id,customer_id,order_date,product_id,quantity,unit_price,customer_name,"
            + "email,phone,country\n";

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
    void aCrmProfileWithTheSameEmailAsAShopCustomerJoinsIt() throws IOException {
        importShop("A1,c1,2024-03-01,p1,1,10.00,Ada Lovelace,ada@example.com,,GB\n"
                + "A2,c2,2024-03-02,p1,1,10.00,Bob Stone,bob@example.com,,GB\n");
        ImportReport crm = importCrm(
                "{\"externalId\": \"crm-7\", \"name\": \"A. Lovelace\", \"email\": \" ADA@Example.com \","
                        + " \"address\": \"12 St James's Square\", \"birthDate\": \"1985-12-10\", \"country\": \"UK\"}\n"
                        + "{\"externalId\": \"crm-8\", \"name\": \"Carol King\", \"email\": \"carol@example.com\"}\n");

        assertThat(crm.rowsRead()).isEqualTo(2);
        assertThat(crm.rowsImported()).isEqualTo(2);
        assertThat(crm.customersMerged()).isEqualTo(1);
        assertThat(crm.customersCreated()).isEqualTo(1);
        Profile ada = profile("c1");
        // The shop's own values stay; the CRM fills only what the shop did not know.
        assertThat(ada.properties()).containsEntry("name", "Ada Lovelace").containsEntry("email", "ada@example.com")
                .containsEntry("address", "12 St James's Square")
                .containsEntry("birthDate", LocalDate.of(1985, 12, 10));
        assertThat(ada.identities()).containsExactlyInAnyOrder("shop/c1", "crm/crm-7");
        assertThat(profile("crm-8").identities()).containsExactly("crm/crm-8");
        assertThat(GraphCounts.of(db.graph()).label("Customer")).isEqualTo(3);

        List<CustomerMerges.LogEntry> log = new CustomerMerges(db.graph()).log("c1");
        assertThat(log).hasSize(1);
        assertThat(log.get(0).mergedId()).isEqualTo("crm-7");
        assertThat(log.get(0).matchedOn()).isEqualTo("email");
        assertThat(log.get(0).matchedValue()).isEqualTo("ada@example.com");
        assertThat(log.get(0).filledFields()).containsExactly("address", "birthDate");
        assertThat(log.get(0).identities()).containsExactly(new IdentityKey("crm", "crm-7"));
    }

    @Test
    void aPhoneMatchesInE164WhateverTheWayItWasWritten() throws IOException {
        importShop("A1,c1,2024-03-01,p1,1,10.00,Ada,,030 1234567,Germany\n");
        ImportReport crm = importCrm("{\"externalId\": \"9\", \"phone\": \"+49 30 1234567\"}\n");
        assertThat(crm.customersMerged()).isEqualTo(1);
        assertThat(profile("c1").identities()).containsExactlyInAnyOrder("shop/c1", "crm/9");
    }

    @Test
    void importingTheSameFilesAgainChangesNothing() throws IOException {
        importShop("A1,c1,2024-03-01,p1,1,10.00,Ada,ada@example.com,,GB\n");
        importCrm("{\"externalId\": \"crm-7\", \"email\": \"ada@example.com\", \"address\": \"Square\"}\n");
        GraphCounts before = GraphCounts.of(db.graph());
        Map<String, Object> adaBefore = profile("c1").properties();

        ImportReport shop = importShop("A1,c1,2024-03-01,p1,1,10.00,Ada,ada@example.com,,GB\n");
        ImportReport crm = importCrm("{\"externalId\": \"crm-7\", \"email\": \"ada@example.com\", "
                + "\"address\": \"Square\"}\n");

        assertThat(shop.nodesCreated() + crm.nodesCreated() + shop.customersMerged() + crm.customersMerged())
                .isZero();
        assertThat(GraphCounts.of(db.graph())).isEqualTo(before);
        assertThat(profile("c1").properties()).isEqualTo(adaBefore);
    }

    @Test
    void twoIdsOfOneSourceAreTwoCustomersEvenWithOneEmail() throws IOException {
        ImportReport shop = importShop("A1,c1,2024-03-01,p1,1,10.00,Ada,family@example.com,,GB\n"
                + "A2,c2,2024-03-01,p1,1,10.00,Bob,family@example.com,,GB\n");
        assertThat(shop.customersCreated()).isEqualTo(2);
        assertThat(shop.customersMerged()).isZero();
    }

    @Test
    void theSameIdInTwoSourcesIsTwoCustomersAndTheSecondIsQualifiedBySource() throws IOException {
        importShop("A1,00001,2024-03-01,p1,1,10.00,Ada,,,GB\n");
        importCrm("{\"id\": 1, \"name\": \"Someone else\"}\n{\"externalId\": \"00001\", \"name\": \"Zed\"}\n");
        assertThat(profile("00001").identities()).containsExactly("shop/00001");
        assertThat(profile("1").identities()).containsExactly("crm/1");
        assertThat(profile("crm:00001").identities()).containsExactly("crm/00001");
        assertThat(profile("crm:00001").properties()).containsEntry("name", "Zed");
    }

    @Test
    void recordsOfOneBatchFromTwoSourcesResolveToOneCustomer() throws IOException {
        Path file = Files.writeString(temp.resolve("mixed.jsonl"),
                "{\"source\": \"web\", \"externalId\": \"w1\", \"name\": \"Dee\", \"email\": \"dee@example.com\"}\n"
                        + "{\"source\": \"pos\", \"externalId\": \"p1\", \"email\": \"dee@example.com\","
                        + " \"address\": \"Main St 1\"}\n");
        ImportReport report = new Importer(db.graph()).run("customers-jsonl", List.of(file),
                temp.resolve("mixed-rejects.csv"));
        assertThat(report.customersCreated()).isEqualTo(1);
        assertThat(report.customersMerged()).isEqualTo(1);
        assertThat(profile("w1").identities()).containsExactlyInAnyOrder("web/w1", "pos/p1");
        assertThat(profile("w1").properties()).containsEntry("name", "Dee").containsEntry("address", "Main St 1");
    }

    @Test
    void anExplicitIdLinksAProfileToThatCustomer() throws IOException {
        importShop("A1,17850,2024-03-01,p1,1,10.00,,,,GB\n");
        ImportReport crm = importCrm("{\"id\": \"17850\", \"externalId\": \"C-0042\", \"name\": \"Ellen\"}\n");
        assertThat(crm.customersMerged()).isEqualTo(1);
        assertThat(profile("17850").identities()).containsExactlyInAnyOrder("shop/17850", "crm/C-0042");
        assertThat(profile("17850").properties()).containsEntry("name", "Ellen");
    }

    @Test
    void invalidEmailsAndPhonesAreKeptRawNotLost() throws IOException {
        importCrm("{\"externalId\": \"x\", \"email\": \"not-an-email\", \"phone\": \"12\"}\n");
        assertThat(profile("x").properties()).containsEntry("emailRaw", "not-an-email").containsEntry("phoneRaw", "12")
                .doesNotContainKeys("email", "phone");
    }

    @Test
    void aManualMergeMovesOrdersAndIdentitiesKeepsRicherValuesAndUndoesExactly() throws IOException {
        importShop("A1,c1,2024-03-01,p1,1,10.00,Ada Lovelace,ada@example.com,,GB\n"
                + "A2,c2,2024-03-02,p1,2,10.00,Ada L.,ada.l@example.org,+44 20 7946 0018,GB\n");
        CustomerMerges merges = new CustomerMerges(db.graph());

        CustomerMerges.MergeResult merged = merges.merge("c1", "c2", "same person, says support ticket 12");

        assertThat(merged.filledFields()).containsExactly("phone");
        assertThat(merged.ordersMoved()).isEqualTo(1);
        assertThat(merged.identitiesMoved()).isEqualTo(1);
        Profile ada = profile("c1");
        assertThat(ada.orders()).containsExactlyInAnyOrder("A1", "A2");
        assertThat(ada.identities()).containsExactlyInAnyOrder("shop/c1", "shop/c2");
        assertThat(ada.properties()).containsEntry("name", "Ada Lovelace").containsEntry("email", "ada@example.com")
                .containsEntry("phone", "+442079460018");
        assertThat(GraphCounts.of(db.graph()).label("Customer")).isEqualTo(1);
        assertThat(merges.log("c1")).extracting(CustomerMerges.LogEntry::reason)
                .containsExactly("same person, says support ticket 12");

        // An order arriving later through the merged identity lands on the survivor...
        importShop("A3,c2,2024-04-01,p1,1,10.00,,,,GB\n");
        assertThat(profile("c1").orders()).containsExactlyInAnyOrder("A1", "A2", "A3");

        // ...and goes back with it when the merge is undone.
        CustomerMerges.UnmergeResult undone = merges.unmerge("c1", "c2");

        assertThat(undone.ordersMoved()).isEqualTo(2);
        assertThat(undone.clearedFields()).containsExactly("phone");
        assertThat(profile("c1").orders()).containsExactly("A1");
        assertThat(profile("c1").properties()).doesNotContainKey("phone");
        assertThat(profile("c2").orders()).containsExactlyInAnyOrder("A2", "A3");
        assertThat(profile("c2").identities()).containsExactly("shop/c2");
        assertThat(profile("c2").properties()).containsEntry("name", "Ada L.").containsEntry("phone", "+442079460018");
        assertThat(merges.log("c1").get(0).undoneAt()).isNotNull();

        // The restored identity is primary again: a re-import updates its own customer's values.
        importShop("A4,c2,2024-05-01,p1,1,10.00,Ada Lovelace-King,,,GB\n");
        assertThat(profile("c2").properties()).containsEntry("name", "Ada Lovelace-King");
    }

    @Test
    void anImportMergeCanBeUndoneToo() throws IOException {
        importShop("A1,c1,2024-03-01,p1,1,10.00,Ada,ada@example.com,,GB\n");
        importCrm("{\"externalId\": \"crm-7\", \"email\": \"ada@example.com\", \"birthDate\": \"1985-12-10\"}\n");

        new CustomerMerges(db.graph()).unmerge("c1", "crm-7");

        assertThat(profile("c1").properties()).doesNotContainKey("birthDate");
        assertThat(profile("crm-7").properties()).containsEntry("birthDate", LocalDate.of(1985, 12, 10));
        assertThat(profile("crm-7").identities()).containsExactly("crm/crm-7");
    }

    @Test
    void mergesThatCannotBeDoneSayWhyAndChangeNothing() throws IOException {
        importShop("A1,c1,2024-03-01,p1,1,10.00,Ada,,,GB\nA2,c2,2024-03-01,p1,1,10.00,Bob,,,GB\n"
                + "A3,c3,2024-03-01,p1,1,10.00,Cy,,,GB\n");
        CustomerMerges merges = new CustomerMerges(db.graph());
        GraphCounts before = GraphCounts.of(db.graph());

        assertThatThrownBy(() -> merges.merge("c1", "c1", null)).isInstanceOf(MergeFailedException.class)
                .hasMessage("survivorId and mergedId are both 'c1': a customer cannot be merged into itself");
        assertThatThrownBy(() -> merges.merge("c1", "nobody", null))
                .hasMessage("mergedId 'nobody' is not a customer");
        assertThatThrownBy(() -> merges.unmerge("c1", "c2"))
                .hasMessage("there is no merge of 'c2' into 'c1' to undo");
        assertThat(GraphCounts.of(db.graph())).isEqualTo(before);

        merges.merge("c2", "c3", null);
        merges.merge("c1", "c2", null);
        assertThatThrownBy(() -> merges.merge("c3", "c1", null))
                .hasMessage("survivorId 'c3' was already merged into 'c2'");
        assertThatThrownBy(() -> merges.unmerge("c2", "c3"))
                .hasMessage("customer 'c2' was itself merged into 'c1' since; undo that merge first");

        merges.unmerge("c1", "c2");
        merges.unmerge("c2", "c3");
        assertThat(GraphCounts.of(db.graph()).label("Customer")).isEqualTo(3);
        assertThat(profile("c3").orders()).containsExactly("A3");
    }

    private ImportReport importShop(String rows) throws IOException {
        Path file = Files.writeString(temp.resolve("shop.csv"), LINES_HEADER + rows);
        return new Importer(db.graph()).run("lines", "shop", List.of(file), temp.resolve("shop-rejects.csv"));
    }

    private ImportReport importCrm(String lines) throws IOException {
        Path file = Files.writeString(temp.resolve("crm.jsonl"), lines);
        return new Importer(db.graph()).run("customers-jsonl", List.of(file), temp.resolve("crm-rejects.csv"));
    }

    record Profile(Map<String, Object> properties, List<String> identities, List<String> orders) {
    }

    @SuppressWarnings("unchecked")
    private static Profile profile(String customerId) {
        List<Map<String, Object>> rows = db.graph().readRows("test/customer-profile", Map.of("customerId", customerId));
        assertThat(rows).as("customer " + customerId).hasSize(1);
        Map<String, Object> row = rows.get(0);
        return new Profile((Map<String, Object>) row.get("properties"), (List<String>) row.get("identities"),
                (List<String>) row.get("orders"));
    }
}
