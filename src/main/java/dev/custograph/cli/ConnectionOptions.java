package dev.custograph.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Where the database is: the embedded store of {@code --data-dir}, or an external server by URI. */
public final class ConnectionOptions {

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./data",
            description = "Directory of the embedded database (default: ${DEFAULT-VALUE}); created on first use.")
    Path dataDir;

    @Option(names = "--neo4j-uri", paramLabel = "URI", defaultValue = "${env:SPRING_NEO4J_URI}",
            description = "Use an external Neo4j (bolt:// or neo4j://) instead of the embedded one.")
    String neo4jUri;

    @Option(names = "--neo4j-user", paramLabel = "USER",
            defaultValue = "${env:SPRING_NEO4J_AUTHENTICATION_USERNAME}",
            description = "User for the external Neo4j.")
    String neo4jUser;

    @Option(names = "--neo4j-password", paramLabel = "PASSWORD",
            defaultValue = "${env:SPRING_NEO4J_AUTHENTICATION_PASSWORD}",
            description = "Password for the external Neo4j (or set SPRING_NEO4J_AUTHENTICATION_PASSWORD).")
    String neo4jPassword;

    /** Opens the database these options name (starting the embedded one if no URI is given). */
    dev.custograph.graph.GraphConnection open() {
        return dev.custograph.graph.GraphConnection.open(dataDir, neo4jUri, neo4jUser, neo4jPassword);
    }

    /** Where the data is, for reports: the URI, or the data directory's absolute path. */
    String describe() {
        return external() ? neo4jUri : dataDir.toAbsolutePath().normalize().toString();
    }

    boolean external() {
        return neo4jUri != null && !neo4jUri.isBlank();
    }
}
