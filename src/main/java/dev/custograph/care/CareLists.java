package dev.custograph.care;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.custograph.graph.Graph;
import dev.custograph.graph.Row;
import dev.custograph.model.InvalidParameterException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The customer-care lists of the seed: customers whose birthday or sign-up anniversary comes in the next days, and
 * valuable customers at risk of leaving (cypher/care/). Read by the API ({@code careList}), written as CSV by
 * {@code custograph care-list} and by the scheduled care-lists job.
 */
public final class CareLists {

    /** The lists. */
    public enum Kind {
        BIRTHDAYS("care/upcoming-birthdays"),
        ANNIVERSARIES("care/upcoming-anniversaries"),
        HIGH_VALUE_AT_RISK("care/high-value-at-risk");

        private final String statement;

        Kind(String statement) {
            this.statement = statement;
        }

        /** The kind for its name in any case, with - or _ ("high-value-at-risk"). */
        public static Kind parse(String name) {
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new InvalidParameterException("kind", "must be birthdays, anniversaries or high-value-at-risk, "
                        + "got " + name);
            }
        }

        public String fileName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** How a list is drawn: the window for dates, and what counts as valuable and at risk. */
    public record Settings(LocalDate today, int days, double valueQuantile, double minRisk, int limit) {

        public static final int MAX_DAYS = 366;

        public Settings {
            if (days < 0 || days > MAX_DAYS) {
                throw new InvalidParameterException("days", "must be 0-" + MAX_DAYS + ", got " + days);
            }
            if (!(valueQuantile >= 0 && valueQuantile <= 1)) {
                throw new InvalidParameterException("valueQuantile", "must be in [0, 1], got " + valueQuantile);
            }
            if (!(minRisk >= 0 && minRisk <= 1)) {
                throw new InvalidParameterException("minRisk", "must be in [0, 1], got " + minRisk);
            }
            if (limit < 0) {
                throw new InvalidParameterException("limit", "must be 0 or more, got " + limit);
            }
        }

        public static Settings defaults(LocalDate today) {
            return new Settings(today, 14, 0.8, 0.5, 10_000);
        }
    }

    /** One customer on a list: the date and years for birthdays and anniversaries, value and risk for all. */
    public record Entry(String customerId, LocalDate date, Long years, Double clv, Double churnProbability,
                        Double pAlive) {
    }

    private final Graph graph;

    public CareLists(Graph graph) {
        this.graph = graph;
    }

    public List<Entry> list(Kind kind, Settings settings) {
        List<Entry> entries = new ArrayList<>();
        for (Row row : graph.rows(kind.statement, Map.of("today", settings.today(),
                "days", settings.days(), "valueQuantile", settings.valueQuantile(), "minRisk", settings.minRisk(),
                "limit", settings.limit()))) {
            entries.add(new Entry(row.string("customerId"), row.date("date"),
                    row.longOrNull("years"), row.doubleOrNull("clv"), row.doubleOrNull("churnProbability"),
                    row.doubleOrNull("pAlive")));
        }
        return entries;
    }

    /** Writes a list as CSV (RFC 4180, a header row). */
    public static void writeCsv(List<Entry> entries, Writer out) {
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader("customer_id", "date", "years", "clv", "churn_probability", "p_alive").get())) {
            for (Entry e : entries) {
                csv.printRecord(e.customerId(), e.date(), e.years(), e.clv(), e.churnProbability(), e.pAlive());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes every list for {@code settings} into {@code directory} as {@code <kind>-<today>.csv}; returns sizes. */
    public Map<String, Object> writeAll(Path directory, Settings settings) {
        Map<String, Object> written = new java.util.LinkedHashMap<>();
        try {
            dev.custograph.files.PrivateFiles.createDirectories(directory);
            for (Kind kind : Kind.values()) {
                List<Entry> entries = list(kind, settings);
                Path file = directory.resolve(kind.fileName() + "-" + settings.today() + ".csv");
                Path partial = Path.of(file + ".partial");
                try (Writer out = dev.custograph.files.PrivateFiles.newWriter(partial)) {
                    writeCsv(entries, out);
                }
                Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                written.put(kind.fileName(), Map.of("file", file.toString(), "customers", entries.size()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the care lists into " + directory + ": " + e.getMessage(), e);
        }
        return written;
    }
}
