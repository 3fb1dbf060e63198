package dev.custograph.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.custograph.graph.GraphConnection;
import dev.custograph.ingest.BulkImport;
import dev.custograph.ingest.FileReport;
import dev.custograph.ingest.ImportReport;
import dev.custograph.ingest.Importer;
import dev.custograph.model.ValueRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code custograph import --format F PATH...}: checks that every file is readable, then writes the valid rows and
 * sends the invalid ones to a rejects file (Northwind, a set of related tables, is written whole or not at all).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import data files into the graph. Every file is checked for structural damage first (then "
                + "nothing is written); invalid rows are written to a rejects file with file, line, field and reason, "
                + "and the valid ones are imported. Customers from different sources with the same email or phone "
                + "become one customer.")
public final class ImportCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "Input format: ${COMPLETION-CANDIDATES}.", completionCandidates = Formats.class)
    String format;

    @Mixin
    JsonOutput output;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "CSV file for rejected rows (file, line, field, value, reason, message); default "
                    + "rejects-<format>-<time>.csv in the working directory, written only if a row is rejected.")
    Path rejects;

    @Option(names = "--source", paramLabel = "NAME",
            description = "The system the customer ids come from, for identity resolution (default: the format's "
                    + "name; customers-jsonl rows may name their own source, default crm).")
    String source;

    @Option(names = "--earliest-date", paramLabel = "DATE", defaultValue = "1900-01-01",
            description = "The earliest order date accepted (default: ${DEFAULT-VALUE}); rows before it are rejected.")
    java.time.LocalDate earliestDate;

    @Option(names = "--days-ahead", paramLabel = "DAYS", defaultValue = "1",
            description = "How many days after today an order date may lie (default: ${DEFAULT-VALUE}, tomorrow).")
    int daysAhead;

    @Option(names = "--load", paramLabel = "HOW", defaultValue = "auto",
            description = "How the graph is written: bulk (Neo4j's batch import engine, in one go; only into an "
                    + "embedded store that holds no database yet, and not for customers-jsonl), transactional "
                    + "(MERGE statements in batches, into any store), or auto (default: bulk whenever it can be). "
                    + "The report's \"path\" says which was used.")
    String load;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Input directory or files.")
    List<Path> paths;

    static final class Formats implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Importer.FORMATS.iterator();
        }
    }

    @Override
    public Integer call() {
        if (!Importer.FORMATS.contains(format)) {
            throw new IllegalArgumentException("unknown --format '" + format + "'; supported: "
                    + String.join(", ", Importer.FORMATS));
        }
        if (daysAhead < 0) {
            throw new IllegalArgumentException("--days-ahead must be 0 or more, was " + daysAhead);
        }
        ValueRules.DateWindow dates = new ValueRules.DateWindow(earliestDate, daysAhead);
        ImportReport report;
        if (bulk()) {
            report = new BulkImport(connection.dataDir, dates).run(format, source, paths, rejects);
        } else {
            try (GraphConnection db = connection.open()) {
                report = new Importer(db.graph(), dates).run(format, source, paths, rejects);
            }
        }
        if (!output.printed(report)) {
            printSummary(report);
        }
        return 0;
    }

    /** Whether to write in bulk: asked for (and possible), or chosen because it is possible. */
    private boolean bulk() {
        boolean possible = !connection.external() && BulkImport.supports(format)
                && BulkImport.possible(connection.dataDir);
        return switch (load) {
            case "auto" -> possible;
            case "transactional" -> false;
            case "bulk" -> {
                if (!possible) {
                    throw new IllegalArgumentException("--load bulk needs an embedded store that holds no database "
                            + "yet (" + (connection.external() ? "--neo4j-uri names an external one"
                            : !BulkImport.supports(format) ? "format " + format + " is always imported transactionally"
                            : connection.dataDir + " already holds one") + "); use --load auto or transactional");
                }
                yield true;
            }
            default -> throw new IllegalArgumentException("unknown --load '" + load
                    + "'; supported: auto, bulk, transactional");
        };
    }

    private static void printSummary(ImportReport report) {
        for (FileReport file : report.files()) {
            System.out.printf("%-20s %6d read %6d imported %6d rejected%s%n", file.file(), file.rowsRead(),
                    file.rowsImported(), file.rowsRejected(),
                    file.rowsRepaired() > 0 ? "  (" + file.rowsRepaired() + " split rows repaired)" : "");
        }
        System.out.printf("%,d rows read, %,d imported, %,d rejected%s%n", report.rowsRead(), report.rowsImported(),
                report.rowsRejected(), report.rejectedByReason().isEmpty() ? "" : " " + report.rejectedByReason());
        if (!report.standardised().isEmpty()) {
            System.out.println("standardised: " + report.standardised());
        }
        System.out.printf("%,d customers (%,d more merged into existing ones), %,d products, %,d orders created "
                        + "(%,d nodes, %,d relationships, written %s) in %.1f s, %,.0f rows/s%n",
                report.customersCreated(),
                report.customersMerged(), report.productsCreated(),
                report.ordersCreated(), report.nodesCreated(), report.relationshipsCreated(), report.path(),
                report.seconds(),
                report.rowsPerSecond());
        if (report.anomaliesFlagged() > 0) {
            System.out.printf("%,d order lines and orders flagged as extreme (anomaly = true)%n",
                    report.anomaliesFlagged());
        }
        if (report.rejectsFile() != null) {
            System.out.println("rejected rows written to " + report.rejectsFile());
        }
    }
}
