package dev.custograph.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.custograph.files.PrivateFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A command's {@code --export FILE.csv}, written row by row as results arrive, readable by the owner only (it holds
 * customer ids and figures); nothing at all when no file was asked for. A run that fails deletes it
 * ({@link #deleteQuietly}), so no half-written export is left behind.
 */
final class CsvExport implements AutoCloseable {

    private final CSVPrinter printer;

    /** Refuses, before anything runs, a file whose directory does not exist; {@code file} may be null. */
    static void checkDirectory(Path file) {
        if (file != null && file.getParent() != null && !Files.isDirectory(file.getParent())) {
            throw new IllegalArgumentException("--export " + file + ": directory " + file.getParent()
                    + " does not exist");
        }
    }

    CsvExport(Path file, List<String> header) {
        try {
            printer = file == null ? null : new CSVPrinter(PrivateFiles.newWriter(file),
                    CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write --export " + file, e);
        }
    }

    void write(Iterable<?> row) {
        if (printer == null) {
            return;
        }
        try {
            printer.printRecord(row);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export", e);
        }
    }

    @Override
    public void close() {
        if (printer != null) {
            try {
                printer.close(true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the export", e);
            }
        }
    }

    /** Removes a failed run's export; the failure being reported matters more than a leftover file. */
    static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // see above
            }
        }
    }
}
