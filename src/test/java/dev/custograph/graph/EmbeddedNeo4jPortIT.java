package dev.custograph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database on ports it chooses itself. */
class EmbeddedNeo4jPortIT {

    @TempDir
    Path temp;

    @Test
    void anHttpPortTakenBetweenChoosingAndBindingIsChosenAgain() throws Exception {
        // What CI saw: the free port chosen for Neo4j Browser was taken (here by this socket) before Neo4j bound it.
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            List<Integer> offered = new ArrayList<>();
            try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(new EmbeddedNeo4j.Settings(temp.resolve("data"), 0, 0),
                    () -> {
                        int port = offered.isEmpty() ? taken.getLocalPort() : freePort();
                        offered.add(port);
                        return port;
                    })) {
                assertThat(offered).hasSize(2);
                assertThat(neo4j.httpPort()).isEqualTo(offered.get(1)).isNotEqualTo(taken.getLocalPort());
                assertThat(neo4j.boltPort()).isPositive();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
