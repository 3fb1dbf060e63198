package dev.custograph.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the rows of a CSV text with a header line, checking that the columns a reader needs are there (names
 * compared case-insensitively when asked) and that every row has as many fields as the header.
 *
 * <p>Some exports write a free-text column without quoting it, so a comma inside it splits the row into extra
 * fields. When the caller names that column ({@code overflowColumn}) and all other columns are fixed, a row with
 * too many fields is repaired by joining the extra fields back into that column: the columns before it are counted
 * from the left, those after it from the right. Any other field-count mismatch is a {@link RowProblem}, never a
 * silent shift of columns. Damage that makes the rest of the text unreadable (broken quoting, bytes that are not
 * UTF-8, a truncated gzip) fails the whole file with its line number.
 */
final class CsvTable {

    private final List<String> requiredColumns;
    private final String overflowColumn;
    private final boolean caseInsensitive;

    CsvTable(List<String> requiredColumns, String overflowColumn, boolean caseInsensitive) {
        this.requiredColumns = List.copyOf(requiredColumns);
        this.overflowColumn = overflowColumn;
        this.caseInsensitive = caseInsensitive;
    }

    /** Counts of one pass over the file. */
    record Stats(long rowsRead, long rowsRepaired) {
    }

    Stats read(String file, Reader reader, Consumer<CsvRow> onRow, Consumer<RowProblem> onProblem) {
        long read = 0;
        long repaired = 0;
        long lineBefore = 0;
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        try (reader; CSVParser parser = CSVParser.parse(reader, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!hasNext(records, file, 1)) {
                throw new ImportFailedException(file + " is empty: expected a header line");
            }
            List<String> header = records.next().stream().map(this::columnName).toList();
            lineBefore = parser.getCurrentLineNumber();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String column : header) {
                if (!column.isEmpty() && !seen.add(column)) {
                    throw new ImportFailedException(file + " line 1: the header names column '" + column
                            + "' twice; which one holds the data is not clear, so nothing was imported");
                }
            }
            for (String column : requiredColumns) {
                if (!header.contains(columnName(column))) {
                    throw new ImportFailedException(file + " line 1: missing column '" + column
                            + "' (header has " + String.join(",", header) + ")");
                }
            }
            int overflowAt = overflowColumn == null ? -1 : header.indexOf(columnName(overflowColumn));
            while (hasNext(records, file, lineBefore + 1)) {
                CSVRecord record = records.next();
                long line = lineBefore + 1;
                lineBefore = parser.getCurrentLineNumber();
                read++;
                List<String> fields = record.toList();
                if (fields.size() > header.size() && overflowAt >= 0) {
                    fields = joinOverflow(fields, header.size(), overflowAt);
                    repaired++;
                }
                if (fields.size() != header.size()) {
                    onProblem.accept(new RowProblem(file, line, null, String.join(",", record.toList()),
                            "wrong_field_count", "has " + fields.size() + " fields, the header has " + header.size()));
                    continue;
                }
                Map<String, String> values = new HashMap<>(header.size() * 2);
                for (int i = 0; i < header.size(); i++) {
                    values.put(header.get(i), fields.get(i));
                }
                onRow.accept(new CsvRow(file, line, values, caseInsensitive));
            }
        } catch (IOException e) {
            throw InputFile.failure(file, lineBefore + 1, e);
        }
        return new Stats(read, repaired);
    }

    private static boolean hasNext(Iterator<CSVRecord> records, String file, long line) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw InputFile.failure(file, line, e);
        }
    }

    private String columnName(String name) {
        String stripped = name.strip();
        if (stripped.startsWith("\uFEFF")) {
            stripped = stripped.substring(1);
        }
        return caseInsensitive ? stripped.toLowerCase(Locale.ROOT) : stripped;
    }

    private static List<String> joinOverflow(List<String> fields, int expected, int overflowAt) {
        int extra = fields.size() - expected;
        List<String> joined = new ArrayList<>(fields.subList(0, overflowAt));
        joined.add(String.join(",", fields.subList(overflowAt, overflowAt + extra + 1)));
        joined.addAll(fields.subList(overflowAt + extra + 1, fields.size()));
        return joined;
    }
}
