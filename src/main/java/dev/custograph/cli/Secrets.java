package dev.custograph.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keys and passwords given to a command. A command line is public on the machine (every local user reads it in
 * {@code ps} or {@code /proc/<pid>/cmdline}), so a secret passed as an argument works but warns; a file or an
 * environment variable keeps it private.
 */
final class Secrets {

    private static final Logger log = LoggerFactory.getLogger(Secrets.class);

    private Secrets() {
    }

    static void warnOnCommandLine(String option, String instead) {
        log.warn("{} was given on the command line, where every local user can read it (ps, /proc/<pid>/cmdline); "
                + "use {} instead", option, instead);
    }

    /** The first line of {@code file}, stripped; fails naming the option when it cannot be read or is empty. */
    static String readFile(Path file, String option) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            if (text.isEmpty()) {
                throw new IllegalArgumentException(option + ": " + file + " is empty");
            }
            return text;
        } catch (IOException e) {
            throw new IllegalArgumentException(option + ": " + file + (e instanceof java.nio.file.NoSuchFileException ? " does not exist"
                    : " cannot be read: " + e.getMessage()));
        }
    }
}
