package dev.custograph.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.custograph.CustographApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The properties every API test's application needs: its own embedded store on free ports, and an admin key. */
final class EmbeddedApp {

    private EmbeddedApp() {
    }

    static void onFreePorts(DynamicPropertyRegistry registry, String name, String adminKey) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("custograph-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("custograph.data-dir", dataDir::toString);
        registry.add("custograph.bolt-port", () -> 0);
        registry.add("custograph.http-port", () -> 0);
        registry.add("custograph.security.admin-key", () -> adminKey);
    }

    /**
     * A second app instance on the first one's database (its Bolt URI), as a cluster of app servers would run,
     * polling the cache change counter every {@code syncInterval}.
     */
    static ConfigurableApplicationContext secondInstance(dev.custograph.graph.EmbeddedNeo4j database, String adminKey,
                                                         String syncInterval) {
        return new SpringApplicationBuilder(CustographApplication.class).properties(
                "spring.neo4j.uri=" + database.boltUri(), "spring.neo4j.authentication.username=neo4j",
                "spring.neo4j.authentication.password=" + database.password(),
                "server.port=0", "custograph.security.admin-key=" + adminKey,
                "custograph.cache.cluster-sync-interval=" + syncInterval).run();
    }

    static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
