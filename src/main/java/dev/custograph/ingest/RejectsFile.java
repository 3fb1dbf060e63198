package dev.custograph.ingest;

import dev.custograph.files.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The rejected rows of an import, one CSV row each: {@code file,line,field,value,reason,message}. Opened on the
 * first rejection, so a clean import leaves no file behind.
 */
final class RejectsFile implements AutoCloseable {

    private final Path path;
    private CSVPrinter printer;

    RejectsFile(Path path) {
        this.path = path;
    }

    void add(RowProblem problem) {
        try {
            if (printer == null) {
                Writer writer = PrivateFiles.newWriter(path);
                printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                        .setHeader("file", "line", "field", "value", "reason", "message").get());
            }
            printer.printRecord(problem.file(), problem.line(), problem.field(), problem.value(), problem.reason(),
                    problem.message());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write rejects file " + path, e);
        }
    }

    /** The file's path if anything was written to it, else null. */
    Path writtenPath() {
        return printer == null ? null : path;
    }

    @Override
    public void close() {
        if (printer != null) {
            try {
                printer.close(true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write rejects file " + path, e);
            }
        }
    }
}
