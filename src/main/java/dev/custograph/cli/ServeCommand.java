package dev.custograph.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.custograph.CustographApplication;
import dev.custograph.graph.EmbeddedNeo4j;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code custograph serve}: the GraphQL API, with Neo4j embedded unless an external URI is given. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the GraphQL API (and, by default, an embedded Neo4j with Bolt and Neo4j Browser).")
public final class ServeCommand implements Callable<Integer> {

    private static volatile boolean serving;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
            description = "HTTP port of the GraphQL API (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--bolt-port", defaultValue = "7687", paramLabel = "PORT",
            description = "Bolt port of the embedded Neo4j (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int boltPort;

    @Option(names = "--http-port", defaultValue = "7474", paramLabel = "PORT",
            description = "Port of the embedded Neo4j Browser (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int httpPort;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address the GraphQL API listens on (default: ${DEFAULT-VALUE}; 0.0.0.0 = all).")
    String bind;

    @Option(names = "--demo", description = "On an empty database, generate and load the demo data set first.")
    boolean demo;

    @Option(names = "--admin-key", paramLabel = "KEY",
            description = "The API key of the admin role (at least 16 characters). Every local user can read a "
                    + "command line: prefer --admin-key-file or the CUSTOGRAPH_SECURITY_ADMIN_KEY environment "
                    + "variable. Without any, the server makes a key and logs it once at start-up.")
    String adminKey;

    @Option(names = "--admin-key-file", paramLabel = "FILE",
            description = "Read the admin API key from this file (its first line).")
    java.nio.file.Path adminKeyFile;

    /** True once a server is running in this JVM (so main must not exit). */
    public static boolean isServing() {
        return serving;
    }

    @Override
    public Integer call() {
        ShutdownDeadline.install(java.time.Duration.ofSeconds(25));
        ConfigurableApplicationContext context = start(springArguments());
        serving = context.isActive();
        return 0;
    }

    /** Starts the application; also used by tests, which stop the returned context themselves. */
    public static ConfigurableApplicationContext start(String... springArguments) {
        return SpringApplication.run(CustographApplication.class, springArguments);
    }

    String[] springArguments() {
        checkPort(port, "--port");
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + port);
        args.add("--server.address=" + bind);
        args.add("--custograph.demo=" + demo);
        // Secrets travel inside this process as Spring arguments; they never reach another process's command line.
        if (adminKey != null) {
            Secrets.warnOnCommandLine("--admin-key", "--admin-key-file or CUSTOGRAPH_SECURITY_ADMIN_KEY");
            args.add("--custograph.security.admin-key=" + adminKey);
        } else if (adminKeyFile != null) {
            args.add("--custograph.security.admin-key=" + Secrets.readFile(adminKeyFile, "--admin-key-file"));
        }
        String password = connection.password();
        if (connection.external()) {
            args.add("--spring.neo4j.uri=" + connection.neo4jUri);
            if (connection.neo4jUser != null) {
                args.add("--spring.neo4j.authentication.username=" + connection.neo4jUser);
                args.add("--spring.neo4j.authentication.password=" + (password == null ? "" : password));
            }
        } else {
            args.add("--custograph.data-dir=" + connection.dataDir);
            args.add("--custograph.bolt-port=" + boltPort);
            args.add("--custograph.http-port=" + httpPort);
            if (password != null) {
                args.add("--custograph.neo4j-password=" + password);
            }
        }
        return args.toArray(String[]::new);
    }

    /** Fails early, before the database starts, if the API's port is taken. */
    private void checkPort(int candidate, String option) {
        if (candidate < 0 || candidate > 65535) {
            throw new IllegalArgumentException(option + " must be 0-65535, was " + candidate);
        }
        EmbeddedNeo4j.requireFreePort(bind, candidate, "port " + candidate + " (" + option + ")");
    }
}
