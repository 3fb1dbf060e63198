package dev.custograph.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The embedded database is a server on the user's machine holding personal data: every door is checked through its
 * real Bolt and HTTP connectors, as a local user or a web page in the user's browser would try them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseSecurityIT {

    private static final String EVIL = "https://evil.example";

    @TempDir
    static Path temp;

    Path dataDir;
    EmbeddedNeo4j neo4j;
    String password;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void startWithBoltAndHttp() throws IOException {
        dataDir = temp.resolve("data");
        neo4j = EmbeddedNeo4j.start(new EmbeddedNeo4j.Settings(dataDir, 0, 0));
        password = Files.readString(dataDir.resolve("neo4j-password")).strip();
    }

    @AfterAll
    void stop() {
        neo4j.close();
    }

    @Test
    void theFirstStartMakesAStrongPasswordThatOnlyTheOwnerCanRead() throws IOException {
        assertThat(password).hasSizeGreaterThanOrEqualTo(24);
        assertThat(ownerOnly(dataDir.resolve("neo4j-password"))).isTrue();
        assertThat(ownerOnly(dataDir.resolve("neo4j"))).as("the store").isTrue();
        assertThat(ownerOnly(dataDir)).as("a data directory it created").isTrue();
        assertThat(Files.exists(dataDir.resolve("neo4j/data/dbms/auth.ini"))).as("no initial-password file left")
                .isFalse();
    }

    @Test
    void theLogSaysWhereThePasswordIsNeverItsValue(CapturedOutput output) {
        Path other = temp.resolve("logged");
        try (EmbeddedNeo4j started = EmbeddedNeo4j.start(new EmbeddedNeo4j.Settings(other, 0, -1))) {
            String value = readPassword(other);
            assertThat(output.getAll()).contains(other.resolve("neo4j-password").toAbsolutePath().toString())
                    .doesNotContain(value);
        }
    }

    @Test
    void boltRefusesNoLoginAndAWrongPasswordAndAcceptsTheKeptOne() {
        assertThatThrownBy(() -> count(AuthTokens.none())).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> count(AuthTokens.basic("neo4j", "neo4j")))
                .isInstanceOf(AuthenticationException.class);
        assertThat(count(AuthTokens.basic("neo4j", password))).isZero();
        assertThat(count(AuthTokens.basic("neo4j", password))).isZero();
    }

    @Test
    void theHttpConnectorServesNeo4jBrowserAndRunsNoCypherWithOrWithoutALogin() throws Exception {
        for (String login : new String[] {null, password}) {
            HttpResponse<String> cypher = cypherOverHttp(login, null);
            assertThat(cypher.statusCode()).as("login " + (login != null)).isIn(401, 404);
            assertThat(cypher.body()).doesNotContain("\"row\"");
        }
        assertThat(get("/", null).body()).contains("bolt_direct").doesNotContain("/tx");
        assertThat(get("/browser/", null).statusCode()).isEqualTo(200);
    }

    @Test
    void pagesOfOtherOriginsGetNoCorsPermissionFromTheHttpConnector() throws Exception {
        for (HttpResponse<String> response : new HttpResponse[] {cypherOverHttp(null, EVIL),
                cypherOverHttp(password, EVIL), get("/", EVIL)}) {
            String allowed = response.headers().firstValue("Access-Control-Allow-Origin").orElse("");
            assertThat(allowed).as(response.uri().toString()).isNotEqualTo("*").isNotEqualTo(EVIL);
        }
    }

    @Test
    void aBoltWebSocketFromAnotherOriginIsRefusedAndNeo4jBrowsersOwnOriginIsUpgraded() throws IOException {
        assertThat(webSocketUpgrade(EVIL)).startsWith("HTTP/1.1 403");
        assertThat(webSocketUpgrade("http://attacker.localhost:" + neo4j.httpPort())).startsWith("HTTP/1.1 403");
        assertThat(webSocketUpgrade("http://localhost:" + neo4j.httpPort())).startsWith("HTTP/1.1 101");
        // Drivers still connect as before (Bolt's own handshake passes the check untouched).
        assertThat(count(AuthTokens.basic("neo4j", password))).isZero();
    }

    @Test
    void loadCsvReadsOnlyTheImportFolderInsideTheDataDirectory() throws IOException {
        Files.writeString(dataDir.resolve("import/people.csv"), "name\nAda\n");
        try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic("neo4j", password))) {
            assertThat(driver.executableQuery("LOAD CSV WITH HEADERS FROM 'file:///people.csv' AS row "
                    + "RETURN row.name AS name").execute().records().get(0).get("name").asString()).isEqualTo("Ada");
            for (String url : new String[] {"file:///etc/passwd", "file:///../neo4j-password",
                    "file:///" + dataDir.resolve("neo4j-password").toAbsolutePath(),
                    "file:///proc/self/cmdline"}) {
                assertThatThrownBy(() -> driver.executableQuery("LOAD CSV FROM $url AS row RETURN row")
                        .withParameters(Map.of("url", url)).execute()).as(url).isInstanceOf(ClientException.class);
            }
        }
    }

    @Test
    void theQueryApiIsOffAndNotAdvertisedRatherThanAnswering500() throws Exception {
        String discovery = get("/", null).body();
        assertThat(discovery).contains("bolt_direct").doesNotContain("query/v2");
        HttpRequest query = HttpRequest.newBuilder(URI.create(base() + "/db/neo4j/query/v2"))
                .header("Authorization", basic(password)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"statement\": \"RETURN 1\"}")).build();
        assertThat(http.send(query, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    @Test
    void aChosenPasswordReplacesTheKeptOneAndIsKeptForTheNextStart() {
        Path store = temp.resolve("chosen");
        String first;
        try (EmbeddedNeo4j started = EmbeddedNeo4j.start(new EmbeddedNeo4j.Settings(store, 0, -1))) {
            first = readPassword(store);
        }
        try (EmbeddedNeo4j started = EmbeddedNeo4j.start(new EmbeddedNeo4j.Settings(store, 0, -1,
                "my-own-password-42"));
             Driver driver = GraphDatabase.driver(started.boltUri(), AuthTokens.basic("neo4j", first))) {
            assertThatThrownBy(driver::verifyConnectivity).isInstanceOf(AuthenticationException.class);
            assertThat(readPassword(store)).isEqualTo("my-own-password-42");
        }
        try (EmbeddedNeo4j again = EmbeddedNeo4j.start(new EmbeddedNeo4j.Settings(store, 0, -1));
             Driver driver = GraphDatabase.driver(again.boltUri(), AuthTokens.basic("neo4j", "my-own-password-42"))) {
            driver.verifyConnectivity();
        }
        assertThatThrownBy(() -> EmbeddedNeo4j.start(new EmbeddedNeo4j.Settings(store, 0, -1, "short")))
                .hasMessageContaining("at least 8 characters");
    }

    @Test
    void aPasswordThatStartsWithADashIsAPasswordNotAnOption() {
        // Generated passwords are URL-safe Base64: one in 64 starts with '-' (a start once failed on exactly that).
        Path store = temp.resolve("dash");
        try (EmbeddedNeo4j started = EmbeddedNeo4j.start(new EmbeddedNeo4j.Settings(store, 0, -1, "-dash-first-0042"));
             Driver driver = GraphDatabase.driver(started.boltUri(), AuthTokens.basic("neo4j", "-dash-first-0042"))) {
            driver.verifyConnectivity();
        }
    }

    @Test
    void aPasswordChangedInNeo4jBrowserIsSetBackToTheKeptOneAtTheNextStart(CapturedOutput output) {
        Path store = temp.resolve("changed-in-browser");
        try (EmbeddedNeo4j started = EmbeddedNeo4j.start(new EmbeddedNeo4j.Settings(store, 0, -1));
             Driver driver = GraphDatabase.driver(started.boltUri(), started.authToken())) {
            driver.executableQuery("ALTER CURRENT USER SET PASSWORD FROM $old TO 'changed-by-hand'")
                    .withParameters(Map.of("old", readPassword(store))).withConfig(
                            org.neo4j.driver.QueryConfig.builder().withDatabase("system").build()).execute();
        }
        try (EmbeddedNeo4j again = EmbeddedNeo4j.start(new EmbeddedNeo4j.Settings(store, 0, -1));
             Driver driver = GraphDatabase.driver(again.boltUri(), AuthTokens.basic("neo4j", readPassword(store)))) {
            driver.verifyConnectivity();
        }
        assertThat(output.getAll()).contains("password was changed outside Custograph");
    }

    @Test
    void aStoreMadeWithoutAuthenticationByAnEarlierVersionNeverOpensWithTheFactoryPassword() {
        Path store = temp.resolve("legacy");
        DatabaseManagementService legacy = new DatabaseManagementServiceBuilder(store.resolve("neo4j"))
                .setConfig(GraphDatabaseSettings.auth_enabled, false).build();
        legacy.database("neo4j").executeTransactionally("CREATE (:Customer {customerId: 'C1'})");
        legacy.shutdown();
        try (EmbeddedNeo4j started = EmbeddedNeo4j.start(new EmbeddedNeo4j.Settings(store, 0, -1))) {
            try (Driver factory = GraphDatabase.driver(started.boltUri(), AuthTokens.basic("neo4j", "neo4j"))) {
                assertThatThrownBy(factory::verifyConnectivity).isInstanceOf(AuthenticationException.class);
            }
            try (Driver driver = GraphDatabase.driver(started.boltUri(), started.authToken())) {
                assertThat(driver.executableQuery("MATCH (c:Customer) RETURN count(c) AS n").execute().records()
                        .get(0).get("n").asLong()).isEqualTo(1);
            }
        }
    }

    private long count(AuthToken auth) {
        try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), auth)) {
            return driver.executableQuery("MATCH (c:Customer) RETURN count(c) AS n").execute().records().get(0)
                    .get("n").asLong();
        }
    }

    private HttpResponse<String> cypherOverHttp(String withPassword, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/db/neo4j/tx/commit"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"statements\": [{\"statement\": \"MATCH (c:Customer) RETURN count(c)\"}]}"));
        if (withPassword != null) {
            request.header("Authorization", basic(withPassword));
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The first line of the answer to a browser's WebSocket upgrade request on the Bolt port. */
    private String webSocketUpgrade(String origin) throws IOException {
        try (Socket socket = new Socket("localhost", neo4j.boltPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: localhost:" + neo4j.boltPort() + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\nOrigin: " + origin + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        }
    }

    private String base() {
        return "http://localhost:" + neo4j.httpPort();
    }

    private static String basic(String secret) {
        return "Basic " + Base64.getEncoder().encodeToString(("neo4j:" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean ownerOnly(Path path) throws IOException {
        var permissions = Files.getPosixFilePermissions(path);
        return !permissions.contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ)
                && !permissions.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
    }

    private static String readPassword(Path store) {
        try {
            return Files.readString(store.resolve("neo4j-password")).strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
