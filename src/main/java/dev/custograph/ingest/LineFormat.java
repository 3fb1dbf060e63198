package dev.custograph.ingest;

import java.io.Reader;
import java.util.List;
import java.util.function.Function;

/**
 * A line-oriented input format: reads one file's rows, turning each into a valid row of type {@code T} (an order
 * line, {@link LineRow}; a customer profile) or a {@link RowProblem}. Structural damage that makes the rest of the file unreadable (broken quoting, bytes that are
 * not UTF-8, a missing header column) is thrown as {@link ImportFailedException}.
 */
interface LineFormat<T> {

    /** Where the rows of a file go. */
    interface Sink<T> {
        void accept(T row);

        void reject(RowProblem problem);
    }

    void read(String fileName, Reader reader, Sink<T> sink);

    /**
     * Reads a CSV text with a header (names case-insensitive) through {@code line}: each row becomes a
     * {@code T}, or a {@link RowProblem} when {@code line} finds a bad value or the field count is wrong.
     */
    static <T> void readCsv(String fileName, Reader reader, List<String> columns, Sink<T> sink,
                            Function<CsvRow, T> line) {
        new CsvTable(columns, null, true).read(fileName, reader, row -> {
            try {
                sink.accept(line.apply(row));
            } catch (CsvRow.BadValue bad) {
                sink.reject(row.problem(bad));
            }
        }, sink::reject);
    }
}
