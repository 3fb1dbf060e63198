package dev.custograph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.custograph.api.GraphQlHttp;

/**
 * {@code custograph serve} in a child JVM on the test class path, as an operator runs it: for what only a real
 * process shows (a kill, a stop signal). Ports are free ones; the log goes to {@code serve.log} beside the store.
 */
public final class ServeProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final int boltPort;
    private final Path log;

    private ServeProcess(Process process, int port, int boltPort, Path log) {
        this.process = process;
        this.port = port;
        this.boltPort = boltPort;
        this.log = log;
    }

    /** Starts serve on {@code dataDir} with the admin key given by environment, and waits until it answers. */
    public static ServeProcess start(Path dataDir, String adminKey, Map<String, String> environment)
            throws IOException, InterruptedException {
        int port = freePort();
        int bolt = freePort();
        List<String> command = ChildJvm.command("serve", "--data-dir", dataDir.toString(), "--port",
                String.valueOf(port), "--bolt-port", String.valueOf(bolt), "--http-port", String.valueOf(freePort()));
        Path log = dataDir.toAbsolutePath().getParent().resolve("serve.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CUSTOGRAPH_SECURITY_ADMIN_KEY", adminKey);
        builder.environment().putAll(environment);
        ServeProcess serve = new ServeProcess(builder.start(), port, bolt, log);
        GraphQlHttp api = serve.api(adminKey);
        if (!await(() -> answers(api), 120)) {
            serve.close();
            throw new IllegalStateException("serve did not start within 120 s; see " + log);
        }
        return serve;
    }

    public GraphQlHttp api(String key) {
        return GraphQlHttp.withKey(port, key);
    }

    public int boltPort() {
        return boltPort;
    }

    public Process process() {
        return process;
    }

    public Path log() {
        return log;
    }

    /** Polls {@code condition} every 100 ms for up to {@code seconds}. */
    public static boolean await(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean answers(GraphQlHttp api) {
        try {
            return api.get("/actuator/health").statusCode() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
