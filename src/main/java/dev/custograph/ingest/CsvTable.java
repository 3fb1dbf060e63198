package dev.custograph.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the rows of a CSV file with a header line, checking that the columns a reader needs are there and that
 * every row has as many fields as the header.
 *
 * <p>Some exports write a free-text column without quoting it, so a comma inside it splits the row into extra
 * fields. When the caller names that column ({@code overflowColumn}) and all other columns are fixed, a row with
 * too many fields is repaired by joining the extra fields back into that column: the columns before it are counted
 * from the left, those after it from the right. Any other field-count mismatch is a {@link RowProblem}, never a
 * silent shift of columns.
 */
final class CsvTable {

    private final Path path;
    private final List<String> requiredColumns;
    private final String overflowColumn;

    CsvTable(Path path, List<String> requiredColumns, String overflowColumn) {
        this.path = path;
        this.requiredColumns = List.copyOf(requiredColumns);
        this.overflowColumn = overflowColumn;
    }

    /** Counts of one pass over the file. */
    record Stats(long rowsRead, long rowsRepaired) {
    }

    /**
     * Calls {@code onRow} for each well-formed row and {@code onProblem} for each row with the wrong number of
     * fields. Fails with {@link ImportFailedException} if the file is missing, unreadable or lacks a column.
     */
    Stats read(Consumer<CsvRow> onRow, Consumer<RowProblem> onProblem) {
        String file = path.getFileName().toString();
        if (!Files.isRegularFile(path)) {
            throw new ImportFailedException("missing input file " + path);
        }
        long read = 0;
        long repaired = 0;
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new ImportFailedException(file + " is empty: expected a header line");
            }
            List<String> header = records.next().stream().map(String::strip).toList();
            for (String column : requiredColumns) {
                if (!header.contains(column)) {
                    throw new ImportFailedException(file + " line 1: missing column '" + column
                            + "' (header has " + String.join(",", header) + ")");
                }
            }
            int overflowAt = overflowColumn == null ? -1 : header.indexOf(overflowColumn);
            while (records.hasNext()) {
                CSVRecord record = records.next();
                read++;
                long line = record.getRecordNumber();
                List<String> fields = record.toList();
                if (fields.size() > header.size() && overflowAt >= 0) {
                    fields = joinOverflow(fields, header.size(), overflowAt);
                    repaired++;
                }
                if (fields.size() != header.size()) {
                    onProblem.accept(new RowProblem(file, line, null, "has " + fields.size()
                            + " fields, the header has " + header.size()));
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    values.put(header.get(i), fields.get(i));
                }
                onRow.accept(new CsvRow(file, line, values));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new ImportFailedException("cannot read " + path + ": " + e.getMessage());
        }
        return new Stats(read, repaired);
    }

    private static List<String> joinOverflow(List<String> fields, int expected, int overflowAt) {
        int extra = fields.size() - expected;
        List<String> joined = new ArrayList<>(fields.subList(0, overflowAt));
        joined.add(String.join(",", fields.subList(overflowAt, overflowAt + extra + 1)));
        joined.addAll(fields.subList(overflowAt + extra + 1, fields.size()));
        return joined;
    }
}
