package dev.custograph.graph;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import dev.custograph.files.PrivateFiles;
import org.neo4j.bolt.BoltServer;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.internal.kernel.api.security.LoginContext;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.exception.InvalidAuthTokenException;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Neo4j server that runs inside the Custograph process when no external database is configured.
 *
 * <p>It is a real Neo4j 5 server: Bolt for the driver (the app talks to it exactly as it would to a remote server),
 * and optionally the HTTP connector that serves Neo4j Browser to analysts. It holds personal data, so nothing in it
 * opens without a login, and nothing is open to other hosts or other web origins:
 * <ul>
 *   <li>authentication is on, with the password of {@link DatabasePassword} (made at the first start and kept
 *       owner-only in the data directory, or chosen by the operator);</li>
 *   <li>both connectors bind to localhost only;</li>
 *   <li>the HTTP connector answers cross-origin requests with its own origin only (Neo4j's default is {@code *}),
 *       and a Bolt WebSocket from another origin's page is refused ({@link BoltOriginCheck});</li>
 *   <li>{@code LOAD CSV} reads files only from {@code <data-dir>/import}, not the whole file system;</li>
 *   <li>the HTTP connector serves Neo4j Browser and no Cypher endpoint: the Query API reaches the database through
 *       Neo4j's in-JVM Bolt channel, which cannot run beside Spring Boot's Netty (below), so it could only ever
 *       answer 500, and the older transactional endpoint is one more way in whose web stack (Jersey) took 4-5 s of a
 *       cold start; Neo4j Browser and every driver use Bolt;</li>
 *   <li>the store folder is the owner's only.</li>
 * </ul>
 *
 * <p>Two settings are not about behaviour but about living in one JVM with Spring Boot 4: the in-JVM "local" Bolt
 * channel is switched off (Netty 4.2, which Boot brings, rejects it), and Netty's shutdown quiet period is zero so a
 * stop takes milliseconds rather than ten seconds.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);
    private static final String LOCALHOST = "127.0.0.1";

    /**
     * Where and how to run: {@code boltPort}/{@code httpPort} 0 = any free port; {@code httpPort} -1 = no HTTP;
     * {@code password} is the database user's password, or null for the one kept in the data directory (made on
     * the first start).
     */
    public record Settings(Path dataDir, int boltPort, int httpPort, String password) {
        public static final int NO_HTTP = -1;

        public Settings(Path dataDir, int boltPort, int httpPort) {
            this(dataDir, boltPort, httpPort, null);
        }

        public Settings {
            if (boltPort < 0 || boltPort > 65535) {
                throw new IllegalArgumentException("Bolt port must be 0-65535, was " + boltPort);
            }
            if (httpPort < NO_HTTP || httpPort > 65535) {
                throw new IllegalArgumentException("HTTP port must be 0-65535, was " + httpPort);
            }
        }

        boolean httpEnabled() {
            return httpPort != NO_HTTP;
        }
    }

    /** How long {@link #close} waits for the database to stop. */
    static final Duration SHUTDOWN_LIMIT = Duration.ofSeconds(20);

    private final DatabaseManagementService service;
    private final GraphDatabaseService database;
    private final String password;
    private final Path home;
    private final long minFreeBytes = minFreeBytes();
    private volatile long lastSpaceCheck;

    private EmbeddedNeo4j(DatabaseManagementService service, String password, Path home) {
        this.service = service;
        this.database = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        this.password = password;
        this.home = home;
    }

    /**
     * Starts the server, or fails with a {@link GraphUnavailableException} whose message says what was wrong
     * (data directory unusable, store locked by another process, port taken).
     */
    public static EmbeddedNeo4j start(Settings settings) {
        return start(settings, EmbeddedNeo4j::freePort);
    }

    /** {@link #start(Settings)}, taking the HTTP port from {@code freeHttpPorts} when it is 0 (tests choose). */
    static EmbeddedNeo4j start(Settings settings, java.util.function.IntSupplier freeHttpPorts) {
        Path home = prepareHome(settings.dataDir());
        requireFreePort(LOCALHOST, settings.boltPort(), "Bolt port (--bolt-port) " + settings.boltPort());
        int httpPort = settings.httpPort();
        if (settings.httpEnabled()) {
            requireFreePort(LOCALHOST, httpPort, "HTTP port (--http-port) " + httpPort);
            // The port must be known before start: it is the one origin the HTTP connector allows.
            httpPort = httpPort == 0 ? freeHttpPorts.getAsInt() : httpPort;
        }
        String stored = DatabasePassword.stored(settings.dataDir());
        String password = DatabasePassword.choose(settings.dataDir(), settings.password());
        if (stored == null) {
            DatabasePassword.writeInitial(home, password);
        }
        Path importDir = prepareImportDir(settings.dataDir());
        long started = System.nanoTime();
        Map<org.neo4j.graphdb.config.Setting<?>, Object> config = EmbeddedNeo4jConfig.of(settings, httpPort,
                importDir);
        DatabaseManagementService service = null;
        for (int attempt = 1; service == null; attempt++) {
            try {
                service = new DatabaseManagementServiceBuilder(home).setConfig(config).build();
            } catch (RuntimeException e) {
                // An HTTP port chosen here was free when chosen, but another process, or an outgoing connection's
                // ephemeral port, can take it before Neo4j binds it (seen in CI): choose another and start again.
                if (settings.httpEnabled() && settings.httpPort() == 0 && attempt < 3 && addressInUse(e)) {
                    log.info("HTTP port {} was taken before the database could bind it; choosing another", httpPort);
                    httpPort = freeHttpPorts.getAsInt();
                    EmbeddedNeo4jConfig.httpConnector(config, httpPort);
                    continue;
                }
                throw new GraphUnavailableException(describeStartFailure(home, e), e);
            }
        }
        EmbeddedNeo4j neo4j = new EmbeddedNeo4j(service, password, home);
        try {
            neo4j.protectBoltWebSockets(settings.httpEnabled() ? httpPort : -1);
            neo4j.awaitBolt();
            // A new store took the password as its initial one. Otherwise it is set here when the store has another:
            // the operator chose a new one, or someone changed it in Neo4j Browser (the kept one is the truth).
            if (!neo4j.acceptsPassword(password)) {
                if (settings.password() == null) {
                    log.warn("The embedded database's password was changed outside Custograph; it is set back to "
                            + "the one in {} (choose another with --neo4j-password-file)",
                            DatabasePassword.file(settings.dataDir()));
                }
                neo4j.setPassword(password);
            }
            if (!password.equals(stored)) {
                DatabasePassword.keep(settings.dataDir(), password);
            }
            DatabasePassword.removeInitial(home);
        } catch (RuntimeException e) {
            neo4j.close();
            throw e;
        }
        log.info("Embedded Neo4j started in {} ms: store {}, Bolt {}{}; log in as user '{}' with the password in {}",
                (System.nanoTime() - started) / 1_000_000, home, neo4j.boltUri(),
                settings.httpEnabled() ? ", Neo4j Browser " + neo4j.browserUrl() + " (the analysts' guide: "
                        + neo4j.browserGuideUrl() + ")" : "", DatabasePassword.USER,
                DatabasePassword.file(settings.dataDir()));
        return neo4j;
    }

    /** The user and password the app, the batch commands and Neo4j Browser log in with. */
    public AuthToken authToken() {
        return AuthTokens.basic(DatabasePassword.USER, password);
    }

    /** The database user's password, for configuring another client of this server (a second app instance). */
    public String password() {
        return password;
    }

    /**
     * The login kept in the data directory {@code dataDir}, for another process reaching the server that runs on
     * it (a tool, a test), or null before the first start.
     */
    public static AuthToken storedLogin(Path dataDir) {
        String stored = DatabasePassword.stored(dataDir);
        return stored == null ? null : AuthTokens.basic(DatabasePassword.USER, stored);
    }

    /** Where the data directory {@code dataDir} keeps the embedded database's password. */
    public static Path passwordFile(Path dataDir) {
        return DatabasePassword.file(dataDir);
    }

    /** The Bolt URI the driver connects to, with the port actually bound. */
    public String boltUri() {
        HostnamePort address = portRegister().getLocalAddress(ConnectorType.BOLT);
        return "bolt://localhost:" + address.getPort();
    }

    public int boltPort() {
        return portRegister().getLocalAddress(ConnectorType.BOLT).getPort();
    }

    /** The HTTP port actually bound, or -1 when the HTTP connector is off. */
    public int httpPort() {
        HostnamePort address = portRegister().getLocalAddress(ConnectorType.HTTP);
        return address == null ? -1 : address.getPort();
    }

    public String browserUrl() {
        return "http://localhost:" + httpPort() + "/browser/";
    }

    /** The analysts' start guide, for {@code :play} in Neo4j Browser. */
    public String guideUrl() {
        return "http://localhost:" + httpPort() + EmbeddedNeo4jConfig.GUIDE_MOUNT + "/guide";
    }

    /** Neo4j Browser opened on the start guide ({@code :play} run at load). */
    public String browserGuideUrl() {
        return browserUrl() + "?cmd=play&arg=" + java.net.URLEncoder.encode(guideUrl(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Stops the database, waiting at most {@link #SHUTDOWN_LIMIT}. A clean stop flushes every changed page to disk;
     * on a full disk Neo4j retries that write without end (a stopped import once spun at 100% CPU for over ten
     * minutes), so past the limit this returns anyway, saying why, and the process can end: the next start recovers
     * the store from its transaction log, as after a crash.
     */
    @Override
    public void close() {
        Thread stopping = new Thread(service::shutdown, "custograph-neo4j-shutdown");
        stopping.setDaemon(true);
        stopping.start();
        long started = System.nanoTime();
        try {
            while (stopping.isAlive() && System.nanoTime() - started < SHUTDOWN_LIMIT.toNanos()) {
                stopping.join(250);
                // A full disk will not empty itself: past two seconds there is nothing to wait for.
                if (System.nanoTime() - started > 2_000_000_000L && usableBytes() < (1 << 20)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopping.isAlive()) {
            log.error("The embedded database in {} did not stop in {} s ({} MB free on its disk); leaving it to "
                    + "recover from its transaction log at the next start", home,
                    (System.nanoTime() - started) / 1_000_000_000L, usableBytes() >> 20);
        }
    }

    /**
     * Refuses to write when the disk holding the store is nearly full: the database needs room to write its
     * checkpoint and to stop cleanly, and a write that fills the disk leaves it unable to do either. The reserve is
     * {@code -Dcustograph.min-free-disk} or {@code CUSTOGRAPH_MIN_FREE_DISK} (256m by default; 0 turns the check
     * off). Checked at most twice a second, before every write transaction ({@link Graph#addWriteGuard}).
     */
    public void checkDiskSpace() {
        long now = System.nanoTime();
        if (now - lastSpaceCheck < 500_000_000L && lastSpaceCheck != 0) {
            return;
        }
        lastSpaceCheck = now;
        long free = usableBytes();
        if (free < minFreeBytes) {
            throw new GraphUnavailableException("the disk holding " + home + " is full: " + (free >> 20)
                    + " MB free, and at least " + (minFreeBytes >> 20) + " MB must stay free for the database to"
                    + " write its checkpoint and stop cleanly; nothing more was written (free some space and run it"
                    + " again: an import carries on where it stopped)");
        }
    }

    private long usableBytes() {
        try {
            return Files.getFileStore(home).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The reserve of free disk space below which writes are refused. */
    static long minFreeBytes() {
        String configured = System.getProperty("custograph.min-free-disk", System.getenv("CUSTOGRAPH_MIN_FREE_DISK"));
        return configured == null || configured.isBlank() ? 256L << 20 : EmbeddedNeo4jConfig.parseBytes(configured.strip());
    }

    private ConnectorPortRegister portRegister() {
        return ((GraphDatabaseAPI) database).getDependencyResolver().resolveDependency(ConnectorPortRegister.class);
    }

    /** Sets the user's password through the in-process API (no login needed); the same password is no change. */
    private void setPassword(String newPassword) {
        String statement = CypherCatalogue.readOne("meta/set-database-password");
        try {
            service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(statement,
                    Map.of("password", newPassword));
        } catch (QueryExecutionException e) {
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                throw new GraphUnavailableException("cannot set the database password: " + e.getMessage(), e);
            }
        }
    }

    /** Whether the user logs in with {@code candidate}, checked in-process (no Bolt round trip, no Cypher). */
    private boolean acceptsPassword(String candidate) {
        AuthManager auth = ((GraphDatabaseAPI) database).getDependencyResolver().resolveDependency(AuthManager.class);
        try {
            LoginContext login = auth.login(org.neo4j.kernel.api.security.AuthToken.newBasicAuthToken(
                    DatabasePassword.USER, candidate), org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo.EMBEDDED_CONNECTION);
            return login.subject().getAuthenticationResult() == AuthenticationResult.SUCCESS;
        } catch (InvalidAuthTokenException e) {
            return false;
        }
    }

    /** Lets only the HTTP connector's own pages (Neo4j Browser) open a Bolt WebSocket; none when it is off. */
    private void protectBoltWebSockets(int httpPort) {
        BoltServer bolt = ((GraphDatabaseAPI) database).getDependencyResolver().resolveDependency(BoltServer.class);
        BoltOriginCheck.install(bolt, httpPort < 0 ? Set.of()
                : Set.of("http://localhost:" + httpPort, "http://127.0.0.1:" + httpPort));
    }

    private void awaitBolt() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (portRegister().getLocalAddress(ConnectorType.BOLT) == null) {
            if (System.nanoTime() > deadline) {
                throw new GraphUnavailableException("embedded Neo4j did not open its Bolt port within 30 s");
            }
            Thread.onSpinWait();
        }
    }

    static Path prepareHome(Path dataDir) {
        Path absolute = dataDir.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new GraphUnavailableException("data directory " + absolute + " is a file, not a directory");
        }
        Path parent = absolute.getParent();
        if (!Files.exists(absolute) && parent != null && !Files.isDirectory(parent)) {
            throw new GraphUnavailableException("cannot create data directory " + absolute + ": its parent "
                    + parent + " does not exist");
        }
        Path home = absolute.resolve("neo4j");
        try {
            PrivateFiles.createDirectories(absolute);
            PrivateFiles.createDirectories(home);
            PrivateFiles.restrict(home);
        } catch (IOException e) {
            throw new GraphUnavailableException("cannot create data directory " + home + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(home)) {
            throw new GraphUnavailableException("data directory " + home + " is not writable");
        }
        return home;
    }

    /** {@code <data-dir>/import}, the one folder LOAD CSV may read files from. */
    private static Path prepareImportDir(Path dataDir) {
        Path importDir = dataDir.toAbsolutePath().normalize().resolve("import");
        try {
            return PrivateFiles.createDirectories(importDir);
        } catch (IOException e) {
            throw new GraphUnavailableException("cannot create " + importDir + ": " + e.getMessage(), e);
        }
    }

    private static boolean addressInUse(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException
                    || (t.getMessage() != null && t.getMessage().contains("already in use"))) {
                return true;
            }
        }
        return false;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(LOCALHOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new GraphUnavailableException("no free port on localhost for the HTTP connector", e);
        }
    }

    /**
     * Fails with "{@code <what> is already in use on <host>}" if the port cannot be bound, so a taken port is
     * reported by the option that chose it before anything starts. Port 0 (any free port) always passes.
     */
    public static void requireFreePort(String host, int port, String what) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new GraphUnavailableException(what + " is already in use on "
                    + (LOCALHOST.equals(host) ? "localhost" : host));
        }
    }

    private static String describeStartFailure(Path home, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.contains("FileLock") || name.contains("StoreLock")
                    || String.valueOf(t.getMessage()).contains("lock")) {
                return "the Neo4j store in " + home + " is in use by another process (is `custograph serve` running"
                        + " on it? stop it, or go through it with --neo4j-uri bolt://localhost:7687)";
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "embedded Neo4j failed to start in " + home + ": " + root.getMessage();
    }
}
