package dev.custograph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.custograph.TestData;
import dev.custograph.graph.BulkStore;
import dev.custograph.graph.GraphConnection;
import dev.custograph.model.Dataset;
import dev.custograph.model.ValueRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import into an empty embedded store is written in bulk by Neo4j's batch import engine, and builds exactly the
 * graph the transactional path (MERGE statements batch by batch, then the anomaly statements) builds from the same
 * input: every node with every property (anomaly flags and their reasons included), every relationship with its ends
 * and properties, and the same report.
 */
class BulkImportIT {

    static final Path ONLINE_RETAIL_DECEMBER = Path.of("..", "shared", "data", "online_retail",
            "online_retail_2010-12.csv.gz");

    @TempDir
    Path temp;

    @Test
    void onlineRetailInBulkIsTheGraphTheTransactionalPathBuilds() {
        compare("online-retail", List.of(ONLINE_RETAIL_DECEMBER));
    }

    @Test
    void cdnowInBulkIsTheGraphTheTransactionalPathBuilds() throws IOException {
        // The first 10,000 orders of the master file (3,000-odd customers), to keep the transactional side short.
        List<String> master = Files.readAllLines(CdnowImportIT.MASTER);
        Path part = temp.resolve("cdnow-part.txt");
        Files.write(part, master.subList(0, 10_001));
        compare("cdnow", List.of(part));
    }

    @Test
    void linesWhoseOrdersComeBackInLaterBatchesAreMergedAsTheStatementsMergeThem() throws IOException {
        // Order o1 is created in the first batch and gets lines again (one repeated, one new) after 5,000 other
        // rows, in the next batch; the customer's email changes on the way; a product gets a second category.
        StringBuilder csv = new StringBuilder("order_id,line_id,order_date,customer_id,email,product_id,"
                + "product_name,category,quantity,unit_price\n");
        csv.append("o1,l1,2024-01-02,c1,first@example.com,p1,Tea,Drinks,2,3.10\n");
        csv.append("o1,l2,2024-01-02,c1,,p2,,Food,1,0.10\n");
        for (int i = 0; i < 5_000; i++) {
            csv.append("f").append(i).append(",,2024-02-03,c").append(2 + i % 40).append(",,p").append(3 + i % 7)
                    .append(",Item ").append(i % 7).append(",Food,").append(1 + i % 3).append(",1.25\n");
        }
        csv.append("o1,l1,2024-01-02,c1,second@example.com,p1,Green tea,Tea,5,3.10\n");
        csv.append("o1,l3,2024-01-05,c1,,p2,Biscuits,Food,1,0.20\n");
        Path file = temp.resolve("lines.csv");
        Files.writeString(file, csv);
        ImportReport bulk = compare("lines", List.of(file));
        assertThat(bulk.ordersCreated()).isEqualTo(5_001);
    }

    @Test
    void northwindInBulkIsTheGraphTheTransactionalPathBuilds() {
        compare("northwind", List.of(TestData.northwind()));
    }

    @Test
    void aGeneratedDataSetInBulkIsTheGraphTheLoaderBuilds() {
        Dataset demo = new DemoDataGenerator(new DemoDataGenerator.Spec(300, 60, LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 12, 31), 7L)).generate();
        Path bulkDir = temp.resolve("bulk");
        ImportReport bulk = new BulkImport(bulkDir, ValueRules.DateWindow.DEFAULT).load("demo", demo);
        Snapshot bulkGraph;
        try (GraphConnection db = open(bulkDir)) {
            bulkGraph = Snapshot.of(db);
        }
        ImportReport transactional;
        Snapshot transactionalGraph;
        try (GraphConnection db = open(temp.resolve("transactional"))) {
            transactional = new Importer(db.graph()).load("demo", demo);
            transactionalGraph = Snapshot.of(db);
        }
        assertThat(bulk.path()).isEqualTo("bulk");
        bulkGraph.assertSameAs(transactionalGraph);
        assertThat(bulk.anomaliesFlagged()).isPositive();
        assertThat(comparable(bulk)).isEqualTo(comparable(transactional));
    }

    @Test
    void damageFoundWhileWritingInBulkLeavesTheStoreEmptyAndNoRejectsFile() throws IOException {
        // The bulk path reads its files once: a row rejected for its value, 6,000 good rows (more than a batch),
        // then bytes that are not UTF-8. The store must stay empty, and no list of rejects may describe an import
        // that did not happen.
        StringBuilder csv = new StringBuilder("order_id,order_date,customer_id,product_id,quantity,unit_price\n");
        csv.append("bad,2024-02-03,c1,p1,many,1.25\n");
        for (int i = 0; i < 6_000; i++) {
            csv.append("o").append(i).append(",2024-02-03,c").append(i % 50).append(",p1,1,1.25\n");
        }
        Path file = temp.resolve("damaged.csv");
        Files.writeString(file, csv);
        Files.write(file, "o-latin,2024-02-03,c1,Caf\u00e9,1,1.25\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                java.nio.file.StandardOpenOption.APPEND);
        Path dataDir = temp.resolve("damaged-store");
        Path rejects = temp.resolve("damaged-rejects.csv");

        assertThatThrownBy(() -> new BulkImport(dataDir, ValueRules.DateWindow.DEFAULT).run("lines", null,
                List.of(file), rejects)).isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("damaged.csv line 6003: bytes that are not UTF-8 text");

        assertThat(rejects).doesNotExist();
        // Still empty: the next import may be written in bulk again (InterruptedImportIT runs one to the end).
        assertThat(BulkImport.possible(dataDir)).isTrue();
    }

    @Test
    void aStoreThatHoldsADatabaseIsNotEmptyAndCannotBeWrittenInBulk() {
        Path dataDir = temp.resolve("data");
        assertThat(BulkImport.possible(dataDir)).isTrue();
        open(dataDir).close();
        assertThat(BulkImport.possible(dataDir)).isFalse();
        assertThatThrownBy(() -> new BulkImport(dataDir, ValueRules.DateWindow.DEFAULT).load("demo",
                new Dataset(List.of(), List.of(), List.of(), List.of(), List.of())))
                .hasMessageContaining("already holds a database");
        assertThat(BulkStore.isEmpty(dataDir)).isFalse();
    }

    /** Imports {@code paths} both ways into two new stores; asserts the graphs and reports agree; returns bulk's. */
    private ImportReport compare(String format, List<Path> paths) {
        Path bulkDir = temp.resolve("bulk-" + format);
        ImportReport bulk = new BulkImport(bulkDir, ValueRules.DateWindow.DEFAULT).run(format, null, paths,
                temp.resolve("bulk-rejects.csv"));
        Snapshot bulkGraph;
        try (GraphConnection db = open(bulkDir)) {
            bulkGraph = Snapshot.of(db);
        }
        ImportReport transactional;
        Snapshot transactionalGraph;
        try (GraphConnection db = open(temp.resolve("transactional-" + format))) {
            transactional = new Importer(db.graph()).run(format, null, paths, temp.resolve("tx-rejects.csv"));
            transactionalGraph = Snapshot.of(db);
        }
        assertThat(bulk.path()).isEqualTo("bulk");
        assertThat(transactional.path()).isEqualTo("transactional");
        assertThat(bulk.rowsImported()).isPositive();
        bulkGraph.assertSameAs(transactionalGraph);
        assertThat(comparable(bulk)).isEqualTo(comparable(transactional));
        return bulk;
    }

    private static GraphConnection open(Path dataDir) {
        return GraphConnection.open(dataDir, null, null, null);
    }

    /** A report without what differs by nature: the path, the time taken and where rejects were written. */
    private static ImportReport comparable(ImportReport r) {
        return new ImportReport(r.format(), null, r.files(), r.rowsRead(), r.rowsImported(), r.rowsRejected(),
                r.rejectedByReason(), r.standardised(), r.customersCreated(), r.customersMerged(),
                r.productsCreated(), r.ordersCreated(), r.nodesCreated(), r.relationshipsCreated(),
                r.anomaliesFlagged(), null, 0, 0);
    }

    /** Every node and relationship of a graph as sorted text (labels or type, ends by key, typed property values). */
    record Snapshot(List<String> nodes, List<String> relationships) {

        static Snapshot of(GraphConnection db) {
            List<String> nodes = new ArrayList<>();
            for (Map<String, Object> row : db.graph().readRows("test/graph-nodes", Map.of())) {
                nodes.add(row.get("labels") + " " + typed(row.get("properties")));
            }
            List<String> relationships = new ArrayList<>();
            for (Map<String, Object> row : db.graph().readRows("test/graph-relationships", Map.of())) {
                relationships.add(row.get("fromLabels") + " " + row.get("fromKey") + " -" + row.get("type") + " "
                        + typed(row.get("properties")) + "-> " + row.get("toLabels") + " " + row.get("toKey"));
            }
            nodes.sort(null);
            relationships.sort(null);
            return new Snapshot(nodes, relationships);
        }

        /** Fails naming the first differences (at most 5 each way) if the graphs are not the same. */
        void assertSameAs(Snapshot expected) {
            List<String> differences = new ArrayList<>();
            difference(nodes, expected.nodes).forEach(n -> differences.add("node only in bulk: " + n));
            difference(expected.nodes, nodes).forEach(n -> differences.add("node only in transactional: " + n));
            difference(relationships, expected.relationships)
                    .forEach(r -> differences.add("relationship only in bulk: " + r));
            difference(expected.relationships, relationships)
                    .forEach(r -> differences.add("relationship only in transactional: " + r));
            assertThat(differences).isEmpty();
        }

        /** The entries of {@code a} not in {@code b}, counting repeats, at most 5. */
        private static List<String> difference(List<String> a, List<String> b) {
            List<String> left = new ArrayList<>(a);
            for (String entry : b) {
                left.remove(entry);
            }
            return left.subList(0, Math.min(5, left.size()));
        }

        /** Properties sorted by key, each value with its type, so 2 (an integer) and 2.0 (a float) differ. */
        private static String typed(Object properties) {
            Map<String, String> typed = new TreeMap<>();
            ((Map<?, ?>) properties).forEach((key, value) -> typed.put((String) key,
                    value.getClass().getSimpleName() + ":" + value));
            return typed.toString();
        }
    }
}
