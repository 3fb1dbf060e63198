package dev.custograph.bench;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import dev.custograph.graph.GraphConnection;
import dev.custograph.ingest.Importer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The stream's two targets (issue 22), on a real broker and a real {@code serve} (target/custograph.jar, full JIT),
 * on this machine's cores:
 * <ol>
 *   <li>sustained order events per second into the embedded store: EVENTS order events waiting on the broker, timed
 *       from the first order in the graph to the last (target: 5,000/s);</li>
 *   <li>produce-to-visible latency: order events for new customers at RATE a second, each timed from its send until
 *       GraphQL's {@code customer(id) { totals { orders } }} shows it (target: p99 1 s).</li>
 * </ol>
 * Usage: bench/streaming.sh [EVENTS] [RATE] [SECONDS]
 */
public final class StreamBenchmark {

    private static final String KEY = "stream-bench-admin-key-0123456789abcdef";

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path work = Files.createTempDirectory("custograph-stream-bench");
        Path data = work.resolve("data");
        StringBuilder seed = new StringBuilder("order_id,customer_id,order_date,product_id,quantity,unit_price\n");
        for (int p = 1; p <= 200; p++) {
            seed.append("SEED-").append(p).append(",,2025-01-01,P").append(p).append(",1,1\n");
        }
        try (GraphConnection db = GraphConnection.open(data, null, null, null)) {
            new Importer(db.graph()).run("lines", "shop", List.of(Files.writeString(work.resolve("seed.csv"), seed)),
                    work.resolve("rejects.csv"));
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 4, "custograph.orders",
                "custograph.customers", "custograph.dead-letter");
        broker.afterPropertiesSet();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer());
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < events; i++) {
            String customer = "c-" + random.nextInt(20_000);
            producer.send(new ProducerRecord<>("custograph.orders", customer, order("b-" + i, customer, random)));
        }
        producer.flush();
        System.out.printf("%,d order events on the broker (4 partitions)%n", events);

        int port = freePort();
        int bolt = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx4g", "-jar", "target/custograph.jar", "serve", "--data-dir", data.toString(),
                "--port", String.valueOf(port), "--bolt-port", String.valueOf(bolt), "--http-port",
                String.valueOf(freePort())).redirectErrorStream(true).redirectOutput(work.resolve("serve.log")
                .toFile());
        builder.environment().put("CUSTOGRAPH_SECURITY_ADMIN_KEY", KEY);
        builder.environment().put("CUSTOGRAPH_KAFKA_BOOTSTRAP_SERVERS", broker.getBrokersAsString());
        builder.environment().put("CUSTOGRAPH_KAFKA_SOURCE", "shop");
        String maxBatch = System.getenv("CUSTOGRAPH_KAFKA_MAX_BATCH");
        if (maxBatch != null) {
            builder.environment().put("CUSTOGRAPH_KAFKA_MAX_BATCH", maxBatch);
        }
        Process serve = builder.start();
        try (Driver driver = GraphDatabase.driver("bolt://localhost:" + bolt, AuthTokens.basic("neo4j",
                waitForPassword(data)))) {
            long first = 0;
            long count;
            long start = 0;
            do {
                Thread.sleep(20);
                count = streamOrders(driver);
                if (count > 0 && first == 0) {
                    first = count;
                    start = System.nanoTime();
                }
            } while (count < events);
            double secondsTaken = (System.nanoTime() - start) / 1e9;
            System.out.printf("sustained: %,d orders in %.1f s = %,.0f events/s (target 5,000/s)%n", events - first,
                    secondsTaken, (events - first) / secondsTaken);

            // One watcher asks GraphQL for every sample still pending in one request (aliases) every 25 ms: the
            // measurement itself adds about 40 requests a second, not one per sample per poll.
            HttpClient http = HttpClient.newHttpClient();
            java.util.concurrent.ConcurrentHashMap<String, Long> pending = new java.util.concurrent.ConcurrentHashMap<>();
            List<Long> millis = Collections.synchronizedList(new ArrayList<>());
            int samples = rate * seconds / 10;
            Thread watcher = new Thread(() -> {
                try {
                    while (millis.size() < samples) {
                        List<String> ids = new ArrayList<>(pending.keySet());
                        if (!ids.isEmpty()) {
                            StringBuilder query = new StringBuilder("{");
                            for (int i = 0; i < ids.size(); i++) {
                                query.append(" c").append(i).append(": customer(id: \\\"").append(ids.get(i))
                                        .append("\\\") { totals { orders } }");
                            }
                            String body = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                            + "/graphql")).header("Content-Type", "application/json")
                                    .header("Authorization", "Bearer " + KEY)
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query + " }\"}",
                                            StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString())
                                    .body();
                            long now = System.nanoTime();
                            for (int i = 0; i < ids.size(); i++) {
                                if (body.contains("\"c" + i + "\":{\"totals\":{\"orders\":1}")) {
                                    Long sent = pending.remove(ids.get(i));
                                    if (sent != null) {
                                        millis.add((now - sent) / 1_000_000);
                                    }
                                }
                            }
                        }
                        Thread.sleep(25);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            watcher.start();
            long interval = 1_000_000_000L / rate;
            long next = System.nanoTime();
            for (int i = 0; i < rate * seconds; i++) {
                while (System.nanoTime() < next) {
                    Thread.onSpinWait();
                }
                next += interval;
                String customer = "fresh-" + i;
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>("custograph.orders", customer, order("l-" + i, customer, random)));
                if (i % 10 == 0) {
                    pending.put(customer, sent);
                }
            }
            producer.flush();
            watcher.join(120_000);
            Collections.sort(millis);
            System.out.printf("produce to visible over GraphQL at %d events/s: p50 %d ms, p99 %d ms, max %d ms "
                            + "(%d samples; target p99 1,000 ms)%n", rate, millis.get(millis.size() / 2),
                    millis.get((int) Math.ceil(millis.size() * 0.99) - 1), millis.get(millis.size() - 1),
                    millis.size());
        } finally {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
            producer.close();
            broker.destroy();
        }
    }

    private static String order(String key, String customer, java.util.Random random) {
        int product = 1 + random.nextInt(200);
        return "{\"idempotencyKey\":\"" + key + "\",\"customerId\":\"" + customer + "\",\"orderDate\":\"2025-06-01\","
                + "\"lines\":[{\"productId\":\"P" + product + "\",\"quantity\":" + (1 + random.nextInt(4))
                + ",\"unitPrice\":" + BigDecimal.valueOf(100 + product, 2) + "}]}";
    }

    private static long streamOrders(Driver driver) {
        try (Session session = driver.session()) {
            return session.run("MATCH (o:Order {source: 'stream'}) RETURN count(o) AS n").single().get("n").asLong();
        } catch (RuntimeException notYet) {
            return 0;
        }
    }

    private static String waitForPassword(Path data) throws Exception {
        Path file = data.resolve("neo4j-password");
        while (!Files.exists(file)) {
            Thread.sleep(100);
        }
        return Files.readString(file).strip();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
