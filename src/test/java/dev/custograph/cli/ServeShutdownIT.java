package dev.custograph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.custograph.ServeProcess;
import dev.custograph.api.GraphQlHttp;
import dev.custograph.graph.EmbeddedNeo4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;

/** A stop signal ends serve within 30 s, even while a request is stuck waiting on the database. */
class ServeShutdownIT {

    private static final String KEY = "shutdown-it-admin-key-01";

    @TempDir
    Path temp;

    @Test
    void sigtermStopsTheServerWithin30SecondsWhileARequestWaitsOnALock() throws Exception {
        Path dataDir = temp.resolve("data");
        // A long budget, so the stuck request is still running when the signal comes.
        try (ServeProcess serve = ServeProcess.start(dataDir, KEY, Map.of("CUSTOGRAPH_API_REQUEST_TIMEOUT", "5m"))) {
            GraphQlHttp api = serve.api(KEY);
            assertThat(api.post("mutation { upsertCustomer(input: {id: \"C1\", name: \"Ada\"}) { created } }")
                    .at("/data/upsertCustomer/created").asBoolean()).isTrue();
            try (Driver driver = GraphDatabase.driver("bolt://localhost:" + serve.boltPort(),
                    EmbeddedNeo4j.storedLogin(dataDir));
                 Session session = driver.session(); Transaction lock = session.beginTransaction()) {
                lock.run("MATCH (c:Customer {customerId: 'C1'}) SET c.heldByTheTest = true").consume();
                CompletableFuture<?> stuck = CompletableFuture.runAsync(() -> {
                    try {
                        api.post("mutation { upsertCustomer(input: {id: \"C1\", city: \"Paris\"}) { created } }");
                    } catch (RuntimeException connectionClosedByTheStop) {
                        // expected: the server goes away under the request
                    }
                });
                assertThat(ServeProcess.await(() -> blockedTransactions(driver) > 0, 60))
                        .as("the request waits on the test's lock").isTrue();

                serve.process().destroy(); // SIGTERM
                assertThat(serve.process().waitFor(30, TimeUnit.SECONDS))
                        .as("stopped within 30 s of SIGTERM (see %s)", serve.log()).isTrue();
                stuck.cancel(true);
            } catch (RuntimeException connectionGoneWithTheServer) {
                assertThat(serve.process().isAlive()).as(connectionGoneWithTheServer.toString()).isFalse();
            }
        }
    }

    private static long blockedTransactions(Driver driver) {
        try {
            return driver.executableQuery("SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' "
                    + "RETURN count(*) AS n").execute().records().get(0).get("n").asLong();
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
