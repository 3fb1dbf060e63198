package dev.custograph.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import dev.custograph.care.CareLists;
import dev.custograph.graph.GraphConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code custograph care-list}: one customer-care list, as CSV (or JSON). */
@Command(name = "care-list", mixinStandardHelpOptions = true,
        description = "A customer-care list: birthdays or sign-up anniversaries in the next days, or valuable "
                + "customers at risk of leaving. CSV on stdout or into --out; --json for one JSON document.")
public final class CareListCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--kind", required = true, paramLabel = "KIND",
            description = "birthdays, anniversaries or high-value-at-risk.")
    String kind;

    @Option(names = "--days", paramLabel = "N", defaultValue = "14",
            description = "Birthdays and anniversaries in the next N days, today included (0-366). "
                    + "Default: ${DEFAULT-VALUE}.")
    int days;

    @Option(names = "--today", paramLabel = "DATE", description = "Count from this day instead of today.")
    LocalDate today;

    @Option(names = "--value-quantile", paramLabel = "Q", defaultValue = "0.8",
            description = "Valuable: CLV at or above this quantile. Default: ${DEFAULT-VALUE}.")
    double valueQuantile;

    @Option(names = "--min-risk", paramLabel = "P", defaultValue = "0.5",
            description = "At risk: churn probability at least P (else P(alive) at most 1 - P). "
                    + "Default: ${DEFAULT-VALUE}.")
    double minRisk;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Write the CSV here instead of stdout.")
    Path out;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() throws IOException {
        CareLists.Kind list = CareLists.Kind.parse(kind);
        CareLists.Settings settings = new CareLists.Settings(today == null ? LocalDate.now() : today, days,
                valueQuantile, minRisk, Integer.MAX_VALUE);
        List<CareLists.Entry> entries;
        try (GraphConnection db = connection.open()) {
            entries = new CareLists(db.graph()).list(list, settings);
        }
        if (output.printed(entries)) {
            return 0;
        }
        if (out != null) {
            try (Writer writer = dev.custograph.files.PrivateFiles.newWriter(out)) {
                CareLists.writeCsv(entries, writer);
            }
            System.err.printf("%,d customers on the %s list, written to %s%n", entries.size(), list.fileName(), out);
        } else {
            Writer writer = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            CareLists.writeCsv(entries, writer);
        }
        return 0;
    }
}
