package dev.custograph.graph;

import java.nio.file.Path;

import io.micrometer.core.instrument.Metrics;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;

/**
 * A database session for the batch commands ({@code import}, ...), which run without Spring: either an embedded
 * Neo4j on the data directory (Bolt on a free localhost port, no HTTP) or an external server by URI. The schema is
 * brought up to date on open, as {@code serve} does.
 */
public final class GraphConnection implements AutoCloseable {

    /** The driver logs through SLF4J like the rest of the app (to stderr), not through java.util.logging. */
    private static final Config DRIVER_CONFIG = Config.builder().withLogging(Logging.slf4j()).build();

    private final EmbeddedNeo4j embedded;
    private final Driver driver;
    private final Graph graph;

    private GraphConnection(EmbeddedNeo4j embedded, Driver driver, String where) {
        this.embedded = embedded;
        this.driver = driver;
        this.graph = new Graph(driver, CypherCatalogue.load(), Metrics.globalRegistry);
        if (embedded != null) {
            graph.addWriteGuard(embedded::checkDiskSpace);
        }
        try {
            graph.verifyConnectivity(where);
            new SchemaMigrator(graph).migrate();
            graph.names();
        } catch (RuntimeException e) {
            driver.close();
            throw e;
        }
    }

    /**
     * Opens the external database at {@code uri} if given, else the embedded store in {@code dataDir}, whose
     * password is {@code password} if given, else the one kept in the data directory.
     */
    public static GraphConnection open(Path dataDir, String uri, String user, String password) {
        if (uri != null && !uri.isBlank()) {
            AuthToken auth = user == null || user.isBlank() ? AuthTokens.none()
                    : AuthTokens.basic(user, password == null ? "" : password);
            Driver driver;
            try {
                driver = GraphDatabase.driver(uri, auth, DRIVER_CONFIG);
            } catch (IllegalArgumentException e) {
                throw new GraphUnavailableException("invalid --neo4j-uri '" + uri + "': " + e.getMessage(), e);
            }
            return new GraphConnection(null, driver, uri);
        }
        EmbeddedNeo4j embedded = EmbeddedNeo4j.start(new EmbeddedNeo4j.Settings(dataDir, 0,
                EmbeddedNeo4j.Settings.NO_HTTP, password));
        try {
            return new GraphConnection(embedded, GraphDatabase.driver(embedded.boltUri(), embedded.authToken(),
                    DRIVER_CONFIG), embedded.boltUri());
        } catch (RuntimeException e) {
            embedded.close();
            throw e;
        }
    }

    public Graph graph() {
        return graph;
    }

    /** The driver itself, for the graph package's tests (query plans); the product goes through {@link #graph()}. */
    Driver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
