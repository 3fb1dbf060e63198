package dev.custograph.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
}
