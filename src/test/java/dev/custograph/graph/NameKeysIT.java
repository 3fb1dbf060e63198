package dev.custograph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.custograph.TestData;
import dev.custograph.identity.CustomerMerges;
import dev.custograph.ingest.Importer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names keep their sort keys across the life of a store: a store written before name keys is keyed when it is next
 * opened (merged customers too, and a merge made before keys is undone cleanly), a change of collation re-keys every
 * name, and the collation stays with the store for the next process.
 */
class NameKeysIT {

    @TempDir
    Path temp;

    @Test
    void aStoreIsKeyedOnOpenAndReKeyedWhenItsCollationChanges() {
        Path dataDir = temp.resolve("data");
        try (GraphConnection db = GraphConnection.open(dataDir, null, null, null)) {
            new Importer(db.graph()).run("northwind", List.of(TestData.northwind()));
            // A merge that fills the survivor's name from the merged customer, made before name keys.
            db.graph().write("test/drop-customer-name", Map.of("customerId", "ALFKI"));
            new CustomerMerges(db.graph()).merge("ALFKI", "ANATR", "same shop");
            // As a store from before name keys: no key, no collation recorded.
            db.graph().write("test/forget-name-keys", Map.of());
        }
        try (GraphConnection db = GraphConnection.open(dataDir, null, null, null)) {
            assertThat(db.graph().names().collation()).isEqualTo("en");
            GraphInvariants.assertHold(db.graph());
            // Undone now, the filled name goes, and its key with it; the merged customer comes back keyed.
            new CustomerMerges(db.graph()).unmerge("ALFKI", "ANATR");
            GraphInvariants.assertHold(db.graph());
            NameOrder swedish = NameOrder.of("sv", "custograph.names.collation");
            db.graph().useNames(swedish);
            assertThat(key(db.graph(), "KOENE")).isEqualTo(swedish.key("Königlich Essen"))
                    .isNotEqualTo(NameOrder.of("en", "x").key("Königlich Essen"));
            GraphInvariants.assertHold(db.graph());
        }
        try (GraphConnection db = GraphConnection.open(dataDir, null, null, null)) {
            assertThat(db.graph().names().collation()).as("kept by the store").isEqualTo("sv");
            GraphInvariants.assertHold(db.graph());
        }
    }

    private static String key(Graph graph, String customerId) {
        return graph.rows("test/names-and-keys", Map.of()).stream()
                .filter(row -> row.string("node").equals("Customer " + customerId)).findFirst().orElseThrow()
                .string("nameKey");
    }
}
