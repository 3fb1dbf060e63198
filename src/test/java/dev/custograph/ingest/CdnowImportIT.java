package dev.custograph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.custograph.graph.GraphConnection;
import dev.custograph.graph.GraphCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CDNOW purchase log into an empty store (written in bulk): one order per row, every dollar accounted for, and a
 * second import (transactional, MERGEing over what the bulk path wrote) changes nothing.
 */
class CdnowImportIT {

    static final Path MASTER = Path.of("..", "shared", "data", "cdnow", "CDNOW_master.txt");

    @TempDir
    Path temp;

    @Test
    void everyRowBecomesOneOrderOfItsCustomerWithItsDollarValue() throws IOException {
        BigDecimal dollars = BigDecimal.ZERO;
        List<String> lines = Files.readAllLines(MASTER);
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                dollars = dollars.add(new BigDecimal(line.strip().split("\\s+")[3]));
            }
        }
        Path dataDir = temp.resolve("data");
        ImportReport report = new BulkImport(dataDir, dev.custograph.model.ValueRules.DateWindow.DEFAULT).run("cdnow",
                null, List.of(MASTER), temp.resolve("r.csv"));
        try (GraphConnection db = GraphConnection.open(dataDir, null, null, null)) {

            // The data set's README: 69,659 rows, 23,570 customers.
            assertThat(report.rowsRead()).isEqualTo(69_659);
            assertThat(report.rowsRejected()).isZero();
            assertThat(report.customersCreated()).isEqualTo(23_570);
            assertThat(report.ordersCreated()).isEqualTo(69_659);
            assertThat(report.productsCreated()).isEqualTo(1);
            Map<String, Object> orders = db.graph().readRows("test/order-summary", Map.of()).get(0);
            assertThat(((Number) orders.get("completedRevenue")).doubleValue())
                    .isCloseTo(dollars.doubleValue(), within(0.01));
            assertThat(orders.get("anonymous")).isEqualTo(0L);

            GraphCounts before = GraphCounts.of(db.graph());
            ImportReport again = new Importer(db.graph()).run("cdnow", List.of(MASTER), temp.resolve("r2.csv"));
            assertThat(again.nodesCreated()).isZero();
            assertThat(again.relationshipsCreated()).isZero();
            assertThat(GraphCounts.of(db.graph())).isEqualTo(before);
        }
    }
}
