package dev.custograph.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * Where the database is, and how to log in: the embedded store of {@code --data-dir} (whose password is kept in the
 * data directory unless one is given), or an external server by URI.
 */
public final class ConnectionOptions {

    /** The environment variable for the database password (Spring Boot's own name for it). */
    static final String PASSWORD_VARIABLE = "SPRING_NEO4J_AUTHENTICATION_PASSWORD";

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./data",
            description = "Directory of the embedded database (default: ${DEFAULT-VALUE}); created on first use, "
                    + "readable by you only. Its password is kept there in neo4j-password.")
    Path dataDir;

    @Option(names = "--neo4j-uri", paramLabel = "URI", defaultValue = "${env:SPRING_NEO4J_URI}",
            description = "Use an external Neo4j (bolt:// or neo4j://) instead of the embedded one.")
    String neo4jUri;

    @Option(names = "--neo4j-user", paramLabel = "USER",
            defaultValue = "${env:SPRING_NEO4J_AUTHENTICATION_USERNAME}",
            description = "User for the external Neo4j.")
    String neo4jUser;

    @Option(names = "--neo4j-password", paramLabel = "PASSWORD",
            description = "Password of the database (external, or embedded to set a password of your own). Every "
                    + "local user can read a command line: prefer --neo4j-password-file or the "
                    + PASSWORD_VARIABLE + " environment variable.")
    String neo4jPassword;

    @Option(names = "--neo4j-password-file", paramLabel = "FILE",
            description = "Read the database password from this file (its first line).")
    Path neo4jPasswordFile;

    /** Opens the database these options name (starting the embedded one if no URI is given). */
    dev.custograph.graph.GraphConnection open() {
        return dev.custograph.graph.GraphConnection.open(dataDir, neo4jUri, neo4jUser, password());
    }

    /**
     * The password given, from the command line (with a warning), a file or the environment; null when none is
     * (the embedded store then uses its own).
     */
    String password() {
        if (neo4jPassword != null) {
            Secrets.warnOnCommandLine("--neo4j-password", "--neo4j-password-file or " + PASSWORD_VARIABLE);
            return neo4jPassword;
        }
        if (neo4jPasswordFile != null) {
            return Secrets.readFile(neo4jPasswordFile, "--neo4j-password-file");
        }
        String variable = System.getenv(PASSWORD_VARIABLE);
        return variable == null || variable.isEmpty() ? null : variable;
    }

    /** Where the data is, for reports: the URI, or the data directory's absolute path. */
    String describe() {
        return external() ? neo4jUri : dataDir.toAbsolutePath().normalize().toString();
    }

    boolean external() {
        return neo4jUri != null && !neo4jUri.isBlank();
    }
}
