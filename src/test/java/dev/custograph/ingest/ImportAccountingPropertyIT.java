package dev.custograph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.custograph.graph.GraphConnection;
import dev.custograph.graph.GraphCounts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Random damage to a valid {@code lines} file never breaks the accounting or leaves half an order: either the
 * import is refused and the graph stays empty, or every row read is imported or rejected, and every order in the
 * graph has exactly the lines of its imported rows, with a total that matches them.
 */
class ImportAccountingPropertyIT {

    static final String HEADER = "order_id,customer_id,order_date,product_id,quantity,unit_price,discount,email";
    static final String[] JUNK = {"", "abc", "-1", "0", "2011-02-30", "1,250", "x".repeat(300), "NULL", "3.5",
        "  7  ", "1e3"};

    /**
     * The share of tries, in percent, that must reach the accounting. Measured: 60 of 60 do (a damaged row is
     * rejected, not the file); the rest of this suite tests whole-file refusals.
     */
    static final double MIN_IMPORTED = 90;

    static Path dir;
    static GraphConnection db;

    @BeforeContainer
    static void open() throws IOException {
        dir = Files.createTempDirectory("custograph-property");
        db = GraphConnection.open(dir.resolve("data"), null, null, null);
    }

    @AfterContainer
    static void close() {
        db.close();
    }

    /**
     * Counts what each try did, and checks that most tries imported: a refused try returns early and would otherwise
     * pass without testing the accounting at all (jqwik prints the counts after the run).
     */
    private static void countOutcome(String outcome) {
        Statistics.label("outcome").collect(outcome);
        Statistics.label("outcome").coverage(coverage -> coverage.check("imported").percentage(p -> p >= MIN_IMPORTED));
    }

    /** One change to the file: which row (modulo the row count), what to do, which column, which junk value. */
    record Mutation(int row, int kind, int column, int junk) {
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(0, JUNK.length - 1)).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 60)
    void theAccountingHoldsAndNoOrderIsHalfImported(@ForAll("mutations") List<Mutation> mutations) throws IOException {
        db.graph().write("test/delete-everything", Map.of());
        List<List<String>> rows = validRows();
        for (Mutation m : mutations) {
            apply(rows, m);
        }
        Path file = dir.resolve("mutated.csv");
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (List<String> row : rows) {
            text.append(String.join(",", row.stream().map(v -> v.contains(",") ? "\"" + v + "\"" : v).toList()))
                    .append('\n');
        }
        Files.writeString(file, text);
        Path rejects = dir.resolve("rejects.csv");
        Files.deleteIfExists(rejects);

        ImportReport report;
        try {
            report = new Importer(db.graph()).run("lines", List.of(file), rejects);
        } catch (ImportFailedException refused) {
            GraphCounts counts = GraphCounts.of(db.graph());
            assertThat(counts.label("Order") + counts.label("Customer") + counts.label("Product")).isZero();
            countOutcome("refused whole");
            return;
        }
        countOutcome("imported");
        assertThat(report.rowsRead()).isEqualTo(rows.size());
        assertThat(report.rowsImported() + report.rowsRejected()).isEqualTo(report.rowsRead());
        assertThat(report.rejectedByReason().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(report.rowsRejected());

        // Which lines were rejected, from the rejects file; the rest of each order must be in the graph, whole.
        java.util.Set<Long> rejectedLines = new java.util.HashSet<>();
        if (Files.exists(rejects)) {
            try (var reader = Files.newBufferedReader(rejects)) {
                for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(reader)) {
                    rejectedLines.add(Long.parseLong(r.get("line")));
                }
            }
        }
        assertThat(rejectedLines).hasSize((int) report.rowsRejected());
        Map<String, Long> expectedLines = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!rejectedLines.contains((long) i + 2)) {
                expectedLines.merge(rows.get(i).get(0).strip(), 1L, Long::sum);
            }
        }
        Map<String, Long> actualLines = new HashMap<>();
        for (Map<String, Object> order : db.graph().readRows("test/order-lines", Map.of())) {
            actualLines.put((String) order.get("orderId"), (Long) order.get("lines"));
        }
        assertThat(actualLines).isEqualTo(expectedLines);
    }

    private static List<List<String>> validRows() {
        List<List<String>> rows = new ArrayList<>();
        String[][] orders = {{"O1", "c1"}, {"O2", "c2"}, {"O3", ""}, {"O4", "c1"}, {"O5", "c3"}, {"O6", "c2"}};
        int product = 0;
        for (String[] order : orders) {
            for (int line = 0; line < 1 + product % 3; line++) {
                product++;
                rows.add(new ArrayList<>(List.of(order[0], order[1], "2024-0" + (1 + product % 9) + "-1" + line,
                        "p" + product, String.valueOf(1 + product % 4), (product % 5) + ".50", "0.1",
                        order[1].isEmpty() ? "" : order[1] + "@example.com")));
            }
        }
        return rows;
    }

    private static void apply(List<List<String>> rows, Mutation m) {
        if (rows.isEmpty()) {
            return;
        }
        int index = m.row() % rows.size();
        List<String> row = rows.get(index);
        switch (m.kind()) {
            // An earlier mutation may have shortened this row (kind 1): junk goes into a column it still has.
            case 0 -> {
                if (!row.isEmpty()) {
                    row.set(m.column() % row.size(), JUNK[m.junk()]);
                }
            }
            case 1 -> {
                if (!row.isEmpty()) {
                    row.remove(row.size() - 1);
                }
            }
            case 2 -> row.add(JUNK[m.junk()]);
            case 3 -> rows.add(index, new ArrayList<>(row));
            default -> rows.remove(index);
        }
    }
}
