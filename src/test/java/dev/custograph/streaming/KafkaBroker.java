package dev.custograph.streaming;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker for the stream's tests: Apache Kafka's own KRaft broker, in this JVM (spring-kafka-test
 * starts it), with the three topics the stream uses (and three of a second deployment), two partitions each. Producers and a dead-letter reader for the
 * tests.
 */
final class KafkaBroker implements AutoCloseable {

    static final String ORDERS = "custograph.orders";
    static final String CUSTOMERS = "custograph.customers";
    static final String DEAD_LETTER = "custograph.dead-letter";
    /** Topics of a second deployment, for tests of the consumer group itself. */
    static final String[] TWIN_TOPICS = {"twins.orders", "twins.customers", "twins.dead-letter"};

    private final EmbeddedKafkaKraftBroker broker;

    KafkaBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 2, ORDERS, CUSTOMERS, DEAD_LETTER, TWIN_TOPICS[0], TWIN_TOPICS[1],
                TWIN_TOPICS[2]);
        broker.afterPropertiesSet();
    }

    String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(2 * 1024 * 1024));
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    static ProducerRecord<String, byte[]> event(String topic, String key, String json) {
        return new ProducerRecord<>(topic, key, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Every dead letter on the broker so far. */
    List<ConsumerRecord<String, byte[]>> deadLetters() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(DEAD_LETTER));
            int idle = 0;
            while (idle < 3) {
                var records = consumer.poll(Duration.ofMillis(200));
                if (records.isEmpty() && !consumer.assignment().isEmpty()) {
                    idle++;
                }
                records.forEach(letters::add);
            }
        }
        return letters;
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
