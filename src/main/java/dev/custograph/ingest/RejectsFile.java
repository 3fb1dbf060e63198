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
 * first rejection, so a clean import leaves no file behind; readable by its owner only (rows hold personal data), and
 * with every cell a spreadsheet could run as a formula made inert. Rejections may come from the reading thread and
 * from the writing thread (a batch the database refused), so adding is synchronised.
 */
final class RejectsFile implements AutoCloseable {

    private final Path path;
    private CSVPrinter printer;

    RejectsFile(Path path) {
        this.path = path;
    }

    synchronized void add(RowProblem problem) {
        try {
            if (printer == null) {
                Writer writer = PrivateFiles.newWriter(path);
                printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                        .setHeader("file", "line", "field", "value", "reason", "message").get());
            }
            printer.printRecord(inert(problem.file()), problem.line(), inert(problem.field()), inert(problem.value()),
                    problem.reason(), inert(problem.message()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write rejects file " + path, e);
        }
    }

    /**
     * A cell a spreadsheet will show, not run: a value that opens with =, +, -, @, a tab or a carriage return is a
     * formula to Excel and LibreOffice (CSV injection), so it gets a leading apostrophe, as OWASP advises. The file
     * is for people to open; the original value is the input file's, at the line named.
     */
    static String inert(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        cell = visible(cell);
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    /** Control characters (a NUL in an email, say) written as {@code \\u0000}, so that every tool shows them. */
    private static String visible(String cell) {
        StringBuilder out = null;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                if (out == null) {
                    out = new StringBuilder(cell.substring(0, i));
                }
                out.append(String.format("\\u%04X", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? cell : out.toString();
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
