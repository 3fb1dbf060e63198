package dev.custograph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.custograph.ChildJvm;
import dev.custograph.graph.GraphConnection;
import dev.custograph.graph.GraphCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import killed with SIGKILL in the middle of writing, then run again, ends exactly like an uninterrupted one:
 * no duplicate, nothing missing. The first run is a separate JVM running {@code custograph import}. A transactional
 * import leaves whole orders behind, which the second run completes; a bulk import leaves the store empty.
 */
class InterruptedImportIT {

    @TempDir
    Path temp;

    @Test
    void aKilledImportRunAgainFinishesWithNoDuplicatesAndNothingMissing() throws Exception {
        // Three months (113,338 rows): the child's first progress line comes after 5 s of writing, a third of the way
        // through at most at this machine's pace, so the kill lands mid-import with room to spare (asserted below).
        List<Path> files = OnlineRetailImportIT.files(2);
        OnlineRetailImportIT.Expected expected = OnlineRetailImportIT.expected(files);
        Path dataDir = temp.resolve("data");

        Process first = importInChild(dataDir, files, "--load", "transactional");
        // Kill it at its first progress line: the structure check is over and batches are being written.
        try (BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.contains(" Progress - ")) {
                    break;
                }
            }
        }
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

        long expectedLines = expected.rows() - expected.nonPositivePrice() - expected.nonPositiveQuantity();
        long expectedOrders = expected.completedOrders().size() + expected.cancelledOrders().size();
        try (GraphConnection db = GraphConnection.open(dataDir, null, null, null)) {
            GraphCounts partial = GraphCounts.of(db.graph());
            assertThat(partial.label("Order")).as("the kill came mid-import").isPositive().isLessThan(expectedOrders);
            assertEveryOrderIsWhole(db, expected.linesPerOrder());

            ImportReport again = new Importer(db.graph()).run("online-retail", files, temp.resolve("again.csv"));

            GraphCounts done = GraphCounts.of(db.graph());
            assertThat(again.rowsRead()).isEqualTo(expected.rows());
            assertThat(done.type("CONTAINS")).isEqualTo(expectedLines);
            assertThat(done.label("Order")).isEqualTo(expectedOrders);
            assertThat(done.label("Customer")).isEqualTo(expected.customers().size());
            assertThat(again.ordersCreated()).isEqualTo(expectedOrders - partial.label("Order"));
        }
    }

    @Test
    void aBulkImportKilledWhileWritingTheStoreLeavesItEmptyAndRunAgainFinishesIt() throws Exception {
        List<Path> files = OnlineRetailImportIT.files(2);
        OnlineRetailImportIT.Expected expected = OnlineRetailImportIT.expected(files);
        Path dataDir = temp.resolve("data");

        Process first = importInChild(dataDir, files);
        // Kill it when Neo4j's batch import engine has finished its first stage: store files are being written.
        boolean writing = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null && !writing; line = out.readLine()) {
                writing = line.contains("Bulk write: stage");
            }
        }
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(writing).as("the kill came while the store was being written").isTrue();
        assertThat(BulkImport.possible(dataDir)).as("the store is as it was: empty").isTrue();

        ImportReport again = new BulkImport(dataDir, dev.custograph.model.ValueRules.DateWindow.DEFAULT).run(
                "online-retail", null, files, temp.resolve("again.csv"));

        assertThat(again.path()).isEqualTo("bulk");
        try (GraphConnection db = GraphConnection.open(dataDir, null, null, null)) {
            GraphCounts done = GraphCounts.of(db.graph());
            assertThat(done.type("CONTAINS")).isEqualTo(expected.rows() - expected.nonPositivePrice()
                    - expected.nonPositiveQuantity());
            assertThat(done.label("Order")).isEqualTo(expected.completedOrders().size()
                    + expected.cancelledOrders().size());
            assertThat(done.label("Customer")).isEqualTo(expected.customers().size());
        }
    }

    /** {@code custograph import --format online-retail} of {@code files} in a JVM of its own, output merged. */
    private Process importInChild(Path dataDir, List<Path> files, String... options) throws java.io.IOException {
        List<String> command = new ArrayList<>(ChildJvm.command("import", "--format", "online-retail", "--data-dir",
                dataDir.toString(), "--rejects", temp.resolve("first.csv").toString()));
        command.addAll(List.of(options));
        files.forEach(f -> command.add(f.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Every order written before the kill has all the lines the files give it: none is half written. */
    private static void assertEveryOrderIsWhole(GraphConnection db, Map<String, Long> linesPerOrder) {
        List<Map<String, Object>> orders = db.graph().readRows("test/order-lines", Map.of());
        assertThat(orders).isNotEmpty().allSatisfy(o -> assertThat(o.get("lines")).as((String) o.get("orderId"))
                .isEqualTo(linesPerOrder.get((String) o.get("orderId"))));
    }
}
