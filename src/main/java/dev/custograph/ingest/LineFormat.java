package dev.custograph.ingest;

import java.io.Reader;

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
}
