package dev.custograph.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import dev.custograph.graph.EmbeddedGraphTest;
import dev.custograph.graph.GraphConnection;
import dev.custograph.ingest.Importer;
import dev.custograph.model.ValueRules;
import dev.custograph.orders.OrderPlacement;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream against a real broker and a real store: order events become orders exactly once however often they
 * come, customer events become profiles through identity resolution, and every event that cannot be applied is in the
 * dead-letter topic with the field and the reason, while the consumer goes on.
 */
@EmbeddedGraphTest
class EventStreamIT {

    @TempDir
    static Path temp;
    static GraphConnection db;
    static KafkaBroker broker;
    static EventStream stream;
    static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void start(GraphConnection store) throws IOException {
        db = store;
        // Two products with list prices, bought once by a customer the shop already knows (imported from the
        // shop, the source its events name).
        Path file = Files.writeString(temp.resolve("seed.csv"), "order_id,customer_id,order_date,product_id,quantity,"
                + "unit_price,product_name\nS1,known,2025-01-02,P1,1,10.00,Mug\nS2,known,2025-01-02,P2,1,4.50,Tea\n");
        new Importer(db.graph()).run("lines", "shop", List.of(file), temp.resolve("rejects.csv"));
        db.graph().write("test/set-list-prices", Map.of());
        broker = new KafkaBroker();
        StreamSettings settings = new StreamSettings(broker.bootstrapServers(), KafkaBroker.ORDERS,
                KafkaBroker.CUSTOMERS, KafkaBroker.DEAD_LETTER, "custograph-test", 16_384, 500, 10_000, "shop",
                Duration.ofMillis(100));
        stream = new EventStream(settings, new EventApplier(db.graph(), new OrderPlacement(db.graph(),
                ValueRules.DateWindow.DEFAULT), settings), new SimpleMeterRegistry());
        stream.start();
        producer = broker.producer();
    }

    @AfterAll
    static void stop() {
        producer.close();
        stream.close();
        broker.close();
    }

    @Test
    void anOrderEventIsPlacedOnceHoweverOftenItComes() throws Exception {
        String order = """
                {"idempotencyKey": "shop-1001", "customerId": "known", "orderId": "1001", "orderDate": "2025-03-04",
                 "lines": [{"productId": "P1", "quantity": 2}, {"productId": "P2", "quantity": 1, "discount": 0.5}]}
                """;
        long before = stream.status().applied();
        for (int i = 0; i < 3; i++) {
            producer.send(KafkaBroker.event(KafkaBroker.ORDERS, "known", order));
        }
        producer.flush();
        await(() -> stream.status().applied() >= before + 3);

        Map<String, Object> placed = db.graph().readRows("test/stream-order", Map.of("orderId", "1001")).get(0);
        // 2 x 10.00 + 1 x 4.50 x (1 - 0.5) = 22.25, once.
        assertThat(placed.get("total")).isEqualTo(22.25);
        assertThat(placed.get("customerId")).isEqualTo("known");
        assertThat(orderCount("1001")).isEqualTo(1);
    }

    @Test
    void anOrderBeforeItsCustomersProfileCreatesTheCustomerThatTheProfileThenFills() throws Exception {
        long before = stream.status().applied();
        producer.send(KafkaBroker.event(KafkaBroker.ORDERS, "new-77", """
                {"idempotencyKey": "shop-2001", "customerId": "new-77", "orderDate": "2025-03-05",
                 "lines": [{"productId": "P2", "quantity": 4}]}
                """));
        producer.flush();
        await(() -> stream.status().applied() >= before + 1);
        producer.send(KafkaBroker.event(KafkaBroker.CUSTOMERS, "new-77", """
                {"externalId": "new-77", "name": "  Ada Lovelace ", "email": "ADA@Example.com", "country": "uk"}
                """));
        producer.flush();
        await(() -> stream.status().applied() >= before + 2);

        Map<String, Object> customer = db.graph().readRows("test/stream-customer", Map.of("source", "shop",
                "externalId", "new-77")).get(0);
        assertThat(customer.get("name")).isEqualTo("Ada Lovelace");
        assertThat(customer.get("email")).isEqualTo("ada@example.com");
        assertThat(customer.get("country")).isEqualTo("United Kingdom");
        assertThat(customer.get("orders")).isEqualTo(1L);
    }

    @Test
    void eventsThatCannotBeAppliedAreDeadLetteredWithTheFieldAndTheReason() throws Exception {
        long rejectedBefore = stream.status().rejected();
        producer.send(KafkaBroker.event(KafkaBroker.ORDERS, "k1", "not json at all"));
        producer.send(KafkaBroker.event(KafkaBroker.ORDERS, "k2", """
                {"idempotencyKey": "shop-3001", "customerId": "known", "lines": [{"productId": "P1", "quantity": 0}]}
                """));
        producer.send(KafkaBroker.event(KafkaBroker.ORDERS, "k3", """
                {"idempotencyKey": "shop-3002", "customerId": "known", "lines": [{"productId": "NOPE", "quantity": 1}]}
                """));
        producer.send(KafkaBroker.event(KafkaBroker.ORDERS, "k4", """
                {"customerId": "known", "lines": [{"productId": "P1", "quantity": 1}]}
                """));
        producer.send(KafkaBroker.event(KafkaBroker.ORDERS, "k5-first", """
                {"idempotencyKey": "shop-3005", "customerId": "known", "lines": [{"productId": "P1", "quantity": 1}]}
                """));
        producer.send(KafkaBroker.event(KafkaBroker.ORDERS, "k5", """
                {"idempotencyKey": "shop-3005", "customerId": "known", "lines": [{"productId": "P1", "quantity": 9}]}
                """));
        producer.send(KafkaBroker.event(KafkaBroker.ORDERS, "k6", "{\"idempotencyKey\": \"shop-3003\", "
                + "\"customerId\": \"known\", \"lines\": [{\"productId\": \"P1\", \"quantity\": 1}], \"note\": \""
                + "x".repeat(20_000) + "\"}"));
        producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(KafkaBroker.ORDERS, "k7",
                new byte[] {(byte) 0xC3, (byte) 0x28, '{', '}'}));
        producer.send(KafkaBroker.event(KafkaBroker.CUSTOMERS, "k8", """
                {"externalId": "c-9", "email": "a@b.c", "birthDate": "1850-01-01"}
                """));
        // A good event after the bad ones: the consumer goes on.
        producer.send(KafkaBroker.event(KafkaBroker.ORDERS, "k9", """
                {"idempotencyKey": "shop-3004", "customerId": "known", "orderId": "3004",
                 "lines": [{"productId": "P1", "quantity": 1}]}
                """));
        producer.flush();
        await(() -> stream.status().rejected() >= rejectedBefore + 8 && orderCount("3004") == 1);

        Map<String, String> reasons = new java.util.HashMap<>();
        for (ConsumerRecord<String, byte[]> letter : broker.deadLetters()) {
            String field = KafkaBroker.header(letter, "custograph.field");
            reasons.put(letter.key(), (field == null ? "" : field + ": ") + KafkaBroker.header(letter,
                    "custograph.reason"));
            assertThat(KafkaBroker.header(letter, "custograph.topic")).isIn(KafkaBroker.ORDERS, KafkaBroker.CUSTOMERS);
        }
        assertThat(reasons.get("k1")).startsWith("is not JSON");
        assertThat(reasons.get("k2")).isEqualTo("lines[0].quantity: must be 1 or more, got 0");
        assertThat(reasons.get("k3")).isEqualTo("lines[0].productId: no product with id NOPE");
        assertThat(reasons.get("k4")).isEqualTo("idempotencyKey: must be 1 to 200 characters");
        assertThat(reasons.get("k5")).startsWith("idempotencyKey: 'shop-3005' was already used for a different "
                + "order");
        assertThat(reasons).doesNotContainKey("k5-first");
        assertThat(reasons.get("k6")).contains("more than the 16384 an event may have");
        assertThat(reasons.get("k7")).isEqualTo("is not UTF-8 text");
        assertThat(reasons.get("k8")).startsWith("birthDate: ");
        assertThat(orderCount("3004")).isEqualTo(1);
    }

    @Test
    void aSecondInstanceUnderTheSameInstanceIdTakesThePartitionsAndTheFirstStopsSayingWhy() throws Exception {
        StreamSettings twin = new StreamSettings(broker.bootstrapServers(), KafkaBroker.TWIN_TOPICS[0],
                KafkaBroker.TWIN_TOPICS[1], KafkaBroker.TWIN_TOPICS[2], "twins", 16_384, 500, 10_000, "shop",
                Duration.ofMillis(100), "twin", Duration.ofSeconds(10));
        try (EventStream first = stream(twin)) {
            producer.send(KafkaBroker.event(KafkaBroker.TWIN_TOPICS[0], "known", """
                    {"idempotencyKey": "twin-1", "customerId": "known", "lines": [{"productId": "P1", "quantity": 1}]}
                    """));
            producer.flush();
            await(() -> first.status().applied() >= 1);
            try (EventStream second = stream(twin)) {
                await(() -> !first.status().running());
                assertThat(first.status().lastError()).contains("instance id twin",
                        "custograph.kafka.instance-id must differ between instances");

                producer.send(KafkaBroker.event(KafkaBroker.TWIN_TOPICS[0], "known", """
                        {"idempotencyKey": "twin-2", "customerId": "known", "orderId": "twin-2",
                         "lines": [{"productId": "P1", "quantity": 1}]}
                        """));
                producer.flush();
                await(() -> second.status().applied() >= 1);
                assertThat(orderCount("twin-2")).isEqualTo(1);
            }
        }
    }

    private static EventStream stream(StreamSettings settings) {
        EventStream started = new EventStream(settings, new EventApplier(db.graph(), new OrderPlacement(db.graph(),
                ValueRules.DateWindow.DEFAULT), settings), new SimpleMeterRegistry());
        started.start();
        return started;
    }

    private static long orderCount(String orderId) {
        return ((Number) db.graph().readRows("test/stream-order", Map.of("orderId", orderId)).get(0)
                .get("orders")).longValue();
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                StringBuilder letters = new StringBuilder();
                for (ConsumerRecord<String, byte[]> letter : broker.deadLetters()) {
                    letters.append("\n  ").append(letter.key()).append(" ").append(KafkaBroker.header(letter,
                            "custograph.field")).append(": ").append(KafkaBroker.header(letter, "custograph.reason"));
                }
                throw new AssertionError("not reached within 60 s; stream status " + stream.status()
                        + "; dead letters:" + letters);
            }
            Thread.sleep(50);
        }
    }
}
