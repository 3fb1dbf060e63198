package dev.custograph.graph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import dev.custograph.files.PrivateFiles;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.commandline.admin.security.SetInitialPasswordCommand;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import picocli.CommandLine;

/**
 * The password of the embedded database's user {@code neo4j}. Unless the operator chooses one, the first start
 * makes a strong one and keeps it in {@code <data-dir>/neo4j-password}, readable by the owner only, where the app,
 * the batch commands and backups find it, and where a person looks it up to log in to Neo4j Browser.
 *
 * <p>It reaches the database in two ways. Before the database starts, Neo4j's own {@code set-initial-password}
 * writes it as the initial password, which Neo4j applies only while the user still has the factory password: so a
 * new store (and one made by an earlier version with authentication off) never accepts {@code neo4j/neo4j} on its
 * ports, not even for the moment after start. Once started, a chosen password that differs from the stored one is
 * set through the in-process API, which needs no login.
 */
final class DatabasePassword {

    static final String USER = "neo4j";
    static final String FILE_NAME = "neo4j-password";
    /** Neo4j's own minimum (dbms.security.auth_minimum_password_length). */
    static final int MIN_LENGTH = 8;

    private DatabasePassword() {
    }

    /** Where the data directory keeps the password. */
    static Path file(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve(FILE_NAME);
    }

    /** The password kept in the data directory, or null before the first start. */
    static String stored(Path dataDir) {
        Path file = file(dataDir);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? null : text;
        } catch (IOException e) {
            throw new GraphUnavailableException("cannot read the database password in " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /** The operator's choice if any, else the stored password, else a new random one (32 characters). */
    static String choose(Path dataDir, String chosen) {
        if (chosen != null && !chosen.isEmpty()) {
            if (chosen.length() < MIN_LENGTH) {
                throw new GraphUnavailableException("the database password must have at least " + MIN_LENGTH
                        + " characters");
            }
            return chosen;
        }
        String stored = stored(dataDir);
        if (stored != null) {
            return stored;
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Keeps {@code password} in the data directory, owner-only. */
    static void keep(Path dataDir, String password) {
        PrivateFiles.writeAtomically(file(dataDir), password + "\n");
    }

    /** Writes the initial password for the store in {@code home} with Neo4j's set-initial-password command. */
    static void writeInitial(Path home, String password) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(output, true, StandardCharsets.UTF_8);
        SetInitialPasswordCommand command = new SetInitialPasswordCommand(new ExecutionContext(home,
                home.resolve("conf"), quiet, quiet, new DefaultFileSystemAbstraction()));
        java.io.PrintWriter errors = new java.io.PrintWriter(output, true, StandardCharsets.UTF_8);
        // "--": a password may start with '-' (URL-safe Base64 does, one time in 64), which is not an option.
        int status = new CommandLine(command).setOut(errors).setErr(errors).execute("--", password);
        if (status != 0) {
            throw new GraphUnavailableException("cannot set the database password in " + home + ": "
                    + output.toString(StandardCharsets.UTF_8).strip());
        }
    }

    /** Neo4j's initial-password file, which has done its work once the database has started. */
    static void removeInitial(Path home) {
        try {
            Files.deleteIfExists(home.resolve("data").resolve("dbms").resolve("auth.ini"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
