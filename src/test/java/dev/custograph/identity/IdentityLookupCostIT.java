package dev.custograph.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.custograph.graph.EmbeddedGraphTest;
import dev.custograph.graph.GraphConnection;
import dev.custograph.graph.QueryProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Looking an identity up costs the same however many identities there are. A store starts empty, and Neo4j plans a
 * query from its statistics: planned while there are no identities (and before the index has been sampled), a
 * look-up by (source, externalId) or by email scanned the whole Identity index for every record, so a stream of new
 * customers slowed down as it went (1,000 new customers a second, each batch slower than the last). The look-ups
 * name their index, so the plan does not depend on when it was made.
 */
@EmbeddedGraphTest
class IdentityLookupCostIT {

    static GraphConnection db;

    @BeforeAll
    static void thousandsOfIdentitiesWrittenIntoAnEmptyStore(GraphConnection store) {
        db = store;
        // The look-ups are planned now, on the empty store, as a served stream's first batch plans them.
        knownCustomers(List.of("nobody"));
        resolve("nobody");
        mergeIdentities("nobody");
        for (int batch = 0; batch < 3; batch++) {
            List<CustomerRecord> records = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                String id = "c-" + batch + "-" + i;
                records.add(new CustomerRecord("shop", id, null, id + "@example.com", null, Map.of()));
            }
            db.graph().inWriteTransaction(tx -> IdentityResolver.resolveAndWrite(tx, records,
                    new IdentityResolver.Memo()));
        }
    }

    @Test
    void knownCustomersOfASourceAreFoundByTheirIdsNotByAScan() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add("c-1-" + i);
        }
        long hits = knownCustomers(ids);
        assertThat(hits).as("database hits for 100 ids among 3,000 identities").isLessThan(100 * 20);
    }

    @Test
    void resolvingRecordsLooksEachOneUpByIdEmailAndPhoneNotByAScan() {
        String[] ids = new String[100];
        for (int i = 0; i < 100; i++) {
            ids[i] = "c-1-" + i;
        }
        assertThat(resolve(ids)).as("database hits for 100 records among 3,000 identities").isLessThan(100 * 40);
    }

    @Test
    void writingIdentitiesFindsEachExistingOneByItsKey() {
        String[] ids = new String[100];
        for (int i = 0; i < 100; i++) {
            ids[i] = "c-1-" + i;
        }
        assertThat(mergeIdentities(ids)).as("database hits for 100 rows among 3,000 identities")
                .isLessThan(100 * 40);
    }

    private static long knownCustomers(List<String> ids) {
        return QueryProfile.dbHits(db, "identity/known-customers", Map.of("source", "shop", "externalIds", ids));
    }

    /** Records of another source with the ids, emails and phones of the shop's customers. */
    private static long resolve(String... ids) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            Map<String, Object> r = new HashMap<>();
            r.put("index", i);
            r.put("source", "crm");
            r.put("externalId", ids[i]);
            r.put("explicitId", null);
            r.put("email", ids[i] + "@example.com");
            r.put("phone", "+4420700900" + String.format("%02d", i));
            records.add(r);
        }
        return QueryProfile.dbHits(db, "identity/resolve-identities", Map.of("records", records));
    }

    private static long mergeIdentities(String... ids) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String id : ids) {
            rows.add(Map.of("customerId", id, "source", "shop", "externalId", id, "email", id + "@example.com",
                    "primary", true));
        }
        return QueryProfile.dbHits(db, "identity/merge-identities", Map.of("rows", rows));
    }
}
