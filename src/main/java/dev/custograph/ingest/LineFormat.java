package dev.custograph.ingest;

import java.io.Reader;
import java.util.List;
import java.util.function.Function;

/**
 * A line-oriented input format: reads one file's rows, turning each into a valid {@link LineRow} or a
 * {@link RowProblem}. Structural damage that makes the rest of the file unreadable (broken quoting, bytes that are
 * not UTF-8, a missing header column) is thrown as {@link ImportFailedException}.
 */
interface LineFormat {

    /** Where the rows of a file go. */
    interface Sink {
        void accept(LineRow row);

        void reject(RowProblem problem);
    }

    void read(String fileName, Reader reader, Sink sink);

    /**
     * Reads a CSV text with a header (names case-insensitive) through {@code line}: each row becomes a
     * {@link LineRow}, or a {@link RowProblem} when {@code line} finds a bad value or the field count is wrong.
     */
    static void readCsv(String fileName, Reader reader, List<String> columns, Sink sink,
                        Function<CsvRow, LineRow> line) {
        new CsvTable(columns, null, true).read(fileName, reader, row -> {
            try {
                sink.accept(line.apply(row));
            } catch (CsvRow.BadValue bad) {
                sink.reject(row.problem(bad));
            }
        }, sink::reject);
    }
}
