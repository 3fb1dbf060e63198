package dev.custograph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The public data sets beside the repository ({@code ../shared/data}), read by tests as they are. */
public final class TestData {

    private static final Path ROOT = Path.of("..", "shared", "data");

    private TestData() {
    }

    public static Path northwind() {
        return existing(ROOT.resolve("northwind"));
    }

    /** A writable copy of the Northwind directory, to corrupt in a test. */
    public static Path northwindCopy(Path into) {
        try {
            Files.createDirectories(into);
            try (var files = Files.list(northwind())) {
                for (Path file : files.toList()) {
                    Files.copy(file, into.resolve(file.getFileName()));
                }
            }
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces one line (1-based, header = line 1) of a file in place. */
    public static void replaceLine(Path file, int lineNumber, String content) {
        try {
            List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
            lines.set(lineNumber - 1, content);
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path existing(Path path) {
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("test data missing: " + path.toAbsolutePath()
                    + " (the shared data sets must sit beside the repository)");
        }
        return path;
    }
}
