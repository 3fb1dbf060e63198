package dev.custograph.graph;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.custograph.graph.guide.AnalystGuideResource;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.server.configuration.ConfigurableServerModules;
import org.neo4j.server.configuration.ServerSettings;
import org.neo4j.server.configuration.ThirdPartyJaxRsPackage;

/**
 * The settings {@link EmbeddedNeo4j} starts the database with, each with why: logins on; Bolt and Neo4j Browser on
 * localhost only; LOAD CSV confined to the import folder; the page cache sized to the machine; the log and planner
 * settings the product's workload needs.
 */
final class EmbeddedNeo4jConfig {

    private static final String LOCALHOST = "127.0.0.1";
    /** Where the HTTP port mounts graph.guide (the analysts' start guide). */
    static final String GUIDE_MOUNT = "/custograph";

    private EmbeddedNeo4jConfig() {
    }

    /** The settings for {@code settings}, with the HTTP connector on {@code httpPort} when it is enabled. */
    static Map<Setting<?>, Object> of(EmbeddedNeo4j.Settings settings, int httpPort, Path importDir) {
        Map<Setting<?>, Object> config = new HashMap<>();
        config.put(GraphDatabaseSettings.auth_enabled, true);
        config.put(BoltConnector.enabled, true);
        config.put(BoltConnector.listen_address, new SocketAddress(LOCALHOST, settings.boltPort()));
        config.put(BoltConnector.advertised_address, new SocketAddress("localhost", settings.boltPort()));
        config.put(HttpConnector.enabled, settings.httpEnabled());
        if (settings.httpEnabled()) {
            httpConnector(config, httpPort);
        }
        config.put(BoltConnectorInternalSettings.enable_local_connector, false);
        config.put(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
        config.put(GraphDatabaseSettings.load_csv_file_url_root, importDir);
        config.put(GraphDatabaseSettings.allow_file_urls, true);
        config.put(GraphDatabaseSettings.pagecache_memory, pageCacheBytes());
        // Neo4j keeps two days of transaction logs by default, for incremental backups and clusters that the
        // embedded Community store has no use for: an analytics run rewrites every customer, and the logs reached
        // 11 GB beside a 4.5 GB store after a few runs at a million customers. Keep 1 GB (pruned at checkpoints).
        config.put(GraphDatabaseSettings.keep_logical_logs, "1G size");
        // Neo4j plans a query again for each order of magnitude of its list parameters' sizes (1, up to 10, up to
        // 100, ...) by default. A stream's batches come in every size, and each new size stalled the consumer while
        // its seven statements were planned again (2-3 s on two cores, measured in bench/streaming.sh). The product's
        // statements name their indexes where the plan matters, so one plan per statement serves every size.
        config.put(GraphDatabaseInternalSettings.cypher_size_hint_parameters, false);
        return config;
    }

    /** Neo4j Browser on {@code port}, the only origin allowed there; the Cypher endpoints stay off. */
    static void httpConnector(Map<Setting<?>, Object> config, int port) {
        config.put(HttpConnector.listen_address, new SocketAddress(LOCALHOST, port));
        config.put(HttpConnector.advertised_address, new SocketAddress("localhost", port));
        config.put(ServerSettings.http_access_control_allow_origin, "http://localhost:" + port);
        config.put(ServerSettings.http_enabled_modules, EnumSet.of(ConfigurableServerModules.BROWSER,
                ConfigurableServerModules.UNMANAGED_EXTENSIONS));
        // The analysts' start guide (:play), from Browser's own origin (graph.guide). Browser fetches a guide without
        // credentials, so the guide joins Browser's own files on the list that needs none: it holds the product's
        // saved queries and no data. Everything else on this port still asks for the database login.
        config.put(ServerSettings.third_party_packages, List.of(new ThirdPartyJaxRsPackage(
                AnalystGuideResource.class.getPackageName(), GUIDE_MOUNT)));
        config.put(ServerSettings.http_auth_allowlist, List.of("/", "/browser.*", GUIDE_MOUNT + "/guide"));
        // Browser calls no one from the analyst's machine: no usage reports to Neo4j, and guides or remote content
        // only from this server.
        config.put(ServerSettings.allow_telemetry, false);
        config.put(ServerSettings.browser_remote_content_hostname_whitelist, "localhost");
    }

    /**
     * The page cache (off-heap: the store's pages in memory). A store that does not fit is read from disk on every
     * scan, which made a 4.5 GB store's analytics scans 15x slower with the earlier fixed 256 MB. Default: a quarter
     * of the machine's memory, at least 256 MB and at most 8 GB; {@code -Dcustograph.page-cache=2g} (or
     * {@code CUSTOGRAPH_PAGE_CACHE}) sets it, in bytes or with a k/m/g suffix.
     */
    static long pageCacheBytes() {
        String configured = System.getProperty("custograph.page-cache", System.getenv("CUSTOGRAPH_PAGE_CACHE"));
        if (configured != null && !configured.isBlank()) {
            return parseBytes(configured.strip());
        }
        long physical = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getTotalMemorySize() : 0;
        return Math.max(256L << 20, Math.min(8L << 30, physical / 4));
    }

    static long parseBytes(String text) {
        char unit = Character.toLowerCase(text.charAt(text.length() - 1));
        int shift = switch (unit) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        String digits = shift == 0 ? text : text.substring(0, text.length() - 1);
        try {
            return Long.parseLong(digits) << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a size such as 512m or 2g");
        }
    }
}
