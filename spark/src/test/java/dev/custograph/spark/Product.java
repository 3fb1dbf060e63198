package dev.custograph.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/**
 * The product as shipped, {@code target/custograph.jar} through its launcher {@code target/custograph} (both built by
 * the app module before this one; the launcher starts the jar unpacked, which halves a server's start), run as
 * operators run it: {@link #command} for a batch command, {@link #serve} for the server whose embedded Neo4j the Spark
 * job reads and writes over Bolt. Separate processes, so Spark and the product's own libraries never share a class
 * path.
 */
final class Product {

    static final Path LAUNCHER = Path.of("target", "custograph");
    static final String ADMIN_KEY = "spark-test-admin-key-0123456789abcdef";

    /** A finished command: exit code, stdout, stderr. */
    record Result(int exitCode, String out, String err) {
    }

    private Product() {
    }

    /** Runs {@code java -jar target/custograph.jar args} and waits for it (at most 5 minutes). */
    static Result command(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("custograph-out", ".txt");
        Path err = Files.createTempFile("custograph-err", ".txt");
        Process process = launch(new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()));
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("custograph " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return result;
    }

    /** Runs a command that must succeed; returns its stdout. */
    static String succeed(String... args) throws IOException, InterruptedException {
        Result result = command(args);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("custograph " + String.join(" ", args) + " failed:\n" + result.err());
        }
        return result.out();
    }

    /**
     * Imports {@code file} in {@code format} into a new store under {@code temp} with the product's own command, then
     * serves that store.
     */
    static Server importAndServe(Path temp, String format, Path file) throws IOException, InterruptedException {
        Path data = Files.createDirectories(temp.resolve("store")).resolve("data");
        succeed("import", "--format", format, file.toString(), "--data-dir", data.toString(), "--rejects",
                temp.resolve("rejects.csv").toString(), "--json");
        return serve(data);
    }

    /** Starts {@code serve} on {@code dataDir} on free ports and waits until its health answers. */
    static Server serve(Path dataDir) throws IOException, InterruptedException {
        int port = freePort();
        int bolt = freePort();
        List<String> command = List.of(LAUNCHER.toString(), "serve", "--data-dir",
                dataDir.toString(), "--port", String.valueOf(port), "--bolt-port", String.valueOf(bolt),
                "--http-port", String.valueOf(freePort()));
        Path log = dataDir.toAbsolutePath().getParent().resolve("serve.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CUSTOGRAPH_SECURITY_ADMIN_KEY", ADMIN_KEY);
        Server server = new Server(launch(builder), port, bolt, dataDir, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!server.healthy()) {
            if (System.nanoTime() > deadline || !server.process.isAlive()) {
                server.close();
                throw new IllegalStateException("serve did not start; its log:\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
        return server;
    }

    /** A running {@code serve}: its Bolt address and password, a driver for the tests' reads, and its GraphQL. */
    static final class Server implements AutoCloseable {
        private final Process process;
        private final int port;
        private final int boltPort;
        private final Path dataDir;
        private final Path log;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private Driver driver;

        private Server(Process process, int port, int boltPort, Path dataDir, Path log) {
            this.process = process;
            this.port = port;
            this.boltPort = boltPort;
            this.dataDir = dataDir;
            this.log = log;
        }

        String boltUri() {
            return "bolt://localhost:" + boltPort;
        }

        Path passwordFile() {
            return dataDir.resolve("neo4j-password");
        }

        Neo4jGraph.Connection connection() throws IOException {
            return new Neo4jGraph.Connection(boltUri(), "neo4j", Files.readString(passwordFile()).strip(), "neo4j");
        }

        /** The options that point a product command or the Spark job at this server's graph. */
        List<String> graphOptions() {
            return List.of("--neo4j-uri", boltUri(), "--neo4j-user", "neo4j", "--neo4j-password-file",
                    passwordFile().toString());
        }

        /** Runs a Cypher query with the test's own driver. */
        List<Record> query(String cypher, Map<String, Object> parameters) throws IOException {
            if (driver == null) {
                Neo4jGraph.Connection c = connection();
                driver = GraphDatabase.driver(c.uri(), AuthTokens.basic(c.user(), c.password()));
            }
            try (Session session = driver.session()) {
                return session.run(cypher, parameters).list();
            }
        }

        /** POSTs a GraphQL query with the admin key; returns the response body. */
        String graphQl(String query) throws IOException, InterruptedException {
            String body = "{\"query\":" + RunLedger.json(query) + "}";
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/graphql")).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + ADMIN_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body();
        }

        private boolean healthy() {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        Path log() {
            return log;
        }

        @Override
        public void close() {
            if (driver != null) {
                driver.close();
            }
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts the launcher with this JVM's Java and a heap of its own. */
    private static Process launch(ProcessBuilder builder) throws IOException {
        if (!Files.isExecutable(LAUNCHER)) {
            throw new IllegalStateException(LAUNCHER + " is missing: the app module builds it (./mvnw package)");
        }
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("CUSTOGRAPH_JAVA_OPTS", "-Xmx2g");
        return builder.start();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
