package dev.custograph.cli;

import java.nio.file.Path;

import dev.custograph.backup.SigningKey;
import picocli.CommandLine.Option;

/**
 * The key backups are signed and checked with: a file (its first line), the environment variable
 * {@code CUSTOGRAPH_BACKUP_SIGNING_KEY}, or (with a warning: every local user can read a command line) the option.
 */
public final class SigningKeyOptions {

    static final String VARIABLE = "CUSTOGRAPH_BACKUP_SIGNING_KEY";

    @Option(names = "--signing-key-file", paramLabel = "FILE",
            description = "Sign (backup) or check (verify, restore) archives with the key in this file (its first "
                    + "line, at least 16 characters); or set " + VARIABLE + ".")
    Path file;

    @Option(names = "--signing-key", paramLabel = "KEY",
            description = "The signing key itself (every local user can read a command line: prefer "
                    + "--signing-key-file).")
    String key;

    /** The key given, or null when none is (archives are then neither signed nor checked). */
    SigningKey key() {
        if (key != null) {
            Secrets.warnOnCommandLine("--signing-key", "--signing-key-file or " + VARIABLE);
            return SigningKey.of(key, "--signing-key");
        }
        if (file != null) {
            return SigningKey.of(Secrets.readFile(file, "--signing-key-file"), "--signing-key-file");
        }
        String variable = System.getenv(VARIABLE);
        return variable == null || variable.isBlank() ? null : SigningKey.of(variable, VARIABLE);
    }
}
