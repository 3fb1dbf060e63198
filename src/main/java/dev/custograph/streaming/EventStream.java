package dev.custograph.streaming;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the order and customer topics into the graph, at least once and with exactly-once effect:
 * <ol>
 *   <li>poll a batch (at most {@code maxBatch} events);</li>
 *   <li>apply it ({@link EventApplier}): the graph's transactions commit;</li>
 *   <li>send the events that cannot be applied to the dead-letter topic, and wait until the broker has them;</li>
 *   <li>only then commit the batch's offsets.</li>
 * </ol>
 * A crash anywhere before step 4 delivers the batch again, and every write is idempotent (orders by their key,
 * profiles by their identity), so a redelivered event changes nothing. Events of one partition are applied in
 * order; producers key events by customer id, so one customer's events stay in one partition and in order.
 *
 * <p>When a batch cannot be written (the database is unavailable, say), nothing is committed: the consumer goes back
 * to the batch's first offsets and tries again after a pause. An event that makes the batch fail however often it is
 * tried is found by applying the batch one event at a time, and dead-lettered with the error. The loop never stops
 * on an event.
 */
public final class EventStream implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventStream.class);

    /** What the stream has done and how far behind it is, for health and metrics. */
    public record Status(boolean running, long lag, long applied, long rejected, Instant lastBatchAt,
                         String lastError) {
    }

    private final StreamSettings settings;
    private final EventApplier applier;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> deadLetters;
    private final Thread thread;
    private final AtomicLong lag = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicReference<Instant> lastBatchAt = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final Counter ordersCreated;
    private final Counter duplicates;
    private final Counter customersApplied;
    private final Counter rejections;
    private volatile boolean running = true;
    private long lagCheckedAt;

    EventStream(StreamSettings settings, EventApplier applier, MeterRegistry meters) {
        this.settings = settings;
        this.applier = applier;
        this.consumer = new KafkaConsumer<>(consumerProperties(settings), new StringDeserializer(),
                new ByteArrayDeserializer());
        this.deadLetters = new KafkaProducer<>(producerProperties(settings), new StringSerializer(),
                new ByteArraySerializer());
        this.ordersCreated = Counter.builder("custograph.stream.events").tag("outcome", "order_created")
                .description("Events applied from the stream, by outcome").register(meters);
        this.duplicates = Counter.builder("custograph.stream.events").tag("outcome", "duplicate").register(meters);
        this.customersApplied = Counter.builder("custograph.stream.events").tag("outcome", "customer_applied")
                .register(meters);
        this.rejections = Counter.builder("custograph.stream.events").tag("outcome", "dead_lettered")
                .register(meters);
        meters.gauge("custograph.stream.lag", lag, AtomicLong::doubleValue);
        this.thread = new Thread(this::run, "custograph-stream");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    public Status status() {
        return new Status(running && thread.isAlive(), lag.get(), applied.get(), rejected.get(), lastBatchAt.get(),
                lastError.get());
    }

    public StreamSettings settings() {
        return settings;
    }

    private void run() {
        consumer.subscribe(List.of(settings.ordersTopic(), settings.customersTopic()));
        log.info("Consuming {} and {} from {} (group {}); dead letters to {}", settings.ordersTopic(),
                settings.customersTopic(), settings.bootstrapServers(), settings.groupId(),
                settings.deadLetterTopic());
        long pause = 500;
        while (running) {
            try {
                pause = pollAndApply(pause);
            } catch (WakeupException stopping) {
                break;
            } catch (FencedInstanceIdException e) {
                fenced(e);
                break;
            }
            updateLag();
        }
        consumer.close(Duration.ofSeconds(5));
        deadLetters.close(Duration.ofSeconds(5));
        log.info("Stopped consuming the stream");
    }

    /**
     * One poll and its batch. Returns the pause before trying again after a failure: 500 ms once a batch went in,
     * doubled (up to 30 s) each time the same batch fails.
     */
    private long pollAndApply(long pause) {
        ConsumerRecords<String, byte[]> records;
        try {
            records = consumer.poll(settings.pollTimeout());
        } catch (WakeupException | FencedInstanceIdException stop) {
            throw stop;
        } catch (RuntimeException e) {
            log.warn("Polling the stream failed: {}", e.getMessage());
            lastError.set("poll: " + e.getMessage());
            sleep(pause);
            return pause;
        }
        if (records.isEmpty()) {
            return pause;
        }
        try {
            process(records);
            lastError.set(null);
            return 500;
        } catch (WakeupException | FencedInstanceIdException stop) {
            throw stop;
        } catch (RuntimeException e) {
            // Nothing of the batch is committed: read it again from its first offsets after a pause.
            log.warn("A batch of {} events could not be applied, trying again in {} ms: {}", records.count(), pause,
                    e.getMessage());
            lastError.set(e.getMessage());
            rewind(records);
            sleep(pause);
            return Math.min(pause * 2, 30_000);
        }
    }

    /**
     * Another consumer joined the group under this instance's id: it owns the partitions now, and this one stops
     * (health DOWN) rather than fight it. Its last batch, if uncommitted, is delivered again to the other.
     */
    private void fenced(FencedInstanceIdException e) {
        String reason = "another consumer joined group " + settings.groupId() + " with instance id "
                + settings.instanceId() + " (custograph.kafka.instance-id must differ between instances): "
                + e.getMessage();
        log.error("Stopped consuming the stream: {}", reason);
        lastError.set(reason);
        running = false;
    }

    private void process(ConsumerRecords<String, byte[]> records) {
        List<EventApplier.Event> customers = new ArrayList<>();
        List<EventApplier.Event> orders = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            EventApplier.Event event = new EventApplier.Event(record.topic(), record.partition(), record.offset(),
                    record.key(), record.value());
            (record.topic().equals(settings.customersTopic()) ? customers : orders).add(event);
            offsets.put(new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1));
        }
        long started = System.nanoTime();
        EventApplier.Applied result;
        try {
            result = applier.apply(customers, orders);
        } catch (RuntimeException batchFailed) {
            result = oneByOne(customers, orders, batchFailed);
        }
        long appliedAt = System.nanoTime();
        sendDeadLetters(result.rejected());
        consumer.commitSync(offsets);
        if (log.isDebugEnabled()) {
            log.debug("Batch of {} events ({} customers, {} orders, {} rejected): applied in {} ms, committed in {} ms",
                    records.count(), customers.size(), orders.size(), result.rejected().size(),
                    (appliedAt - started) / 1_000_000, (System.nanoTime() - appliedAt) / 1_000_000);
        }
        ordersCreated.increment(result.ordersCreated());
        duplicates.increment(result.duplicates());
        customersApplied.increment(result.customers());
        rejections.increment(result.rejected().size());
        applied.addAndGet(result.ordersCreated() + result.duplicates() + result.customers());
        rejected.addAndGet(result.rejected().size());
        lastBatchAt.set(Instant.now());
    }

    /**
     * The batch failed as a whole: apply it event by event, so one event that cannot be written is dead-lettered
     * with the error and the others land. A failure of every event (the database is down) is thrown, so the batch is
     * tried again later, unchanged.
     */
    private EventApplier.Applied oneByOne(List<EventApplier.Event> customers, List<EventApplier.Event> orders,
                                          RuntimeException batchFailed) {
        log.warn("A batch failed ({}); applying its {} events one at a time", batchFailed.getMessage(),
                customers.size() + orders.size());
        int customerCount = 0;
        int created = 0;
        int duplicateCount = 0;
        List<EventApplier.Rejection> rejectedEvents = new ArrayList<>();
        int failures = 0;
        List<EventApplier.Event> all = new ArrayList<>(customers);
        all.addAll(orders);
        for (EventApplier.Event event : all) {
            boolean isCustomer = event.topic().equals(settings.customersTopic());
            try {
                EventApplier.Applied one = applier.apply(isCustomer ? List.of(event) : List.of(),
                        isCustomer ? List.of() : List.of(event));
                customerCount += one.customers();
                created += one.ordersCreated();
                duplicateCount += one.duplicates();
                rejectedEvents.addAll(one.rejected());
            } catch (RuntimeException e) {
                failures++;
                rejectedEvents.add(new EventApplier.Rejection(event, null, "could not be written: "
                        + e.getMessage()));
            }
        }
        if (failures == all.size()) {
            throw batchFailed;
        }
        return new EventApplier.Applied(customerCount, created, duplicateCount, rejectedEvents);
    }

    /**
     * Each rejected event goes to the dead-letter topic as it came (same key and value), with headers naming where
     * it came from, the field and the reason; the batch's offsets are committed only once the broker has them all.
     */
    private void sendDeadLetters(List<EventApplier.Rejection> rejections) {
        if (rejections.isEmpty()) {
            return;
        }
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        for (EventApplier.Rejection r : rejections) {
            EventApplier.Event e = r.event();
            byte[] value = e.value();
            boolean truncated = value != null && value.length > 512 * 1024;
            ProducerRecord<String, byte[]> letter = new ProducerRecord<>(settings.deadLetterTopic(), e.key(),
                    truncated ? java.util.Arrays.copyOf(value, 512 * 1024) : value);
            header(letter, "custograph.topic", e.topic());
            header(letter, "custograph.partition", String.valueOf(e.partition()));
            header(letter, "custograph.offset", String.valueOf(e.offset()));
            header(letter, "custograph.field", r.field());
            header(letter, "custograph.reason", r.reason());
            header(letter, "custograph.truncated", String.valueOf(truncated));
            sent.add(deadLetters.send(letter));
            log.debug("Dead-lettered {}-{}@{}: {}{}", e.topic(), e.partition(), e.offset(),
                    r.field() == null ? "" : r.field() + ": ", r.reason());
        }
        // One line a batch, not one an event: a stream of bad events (9,000 in the recovery test) would bury the log.
        // Each event, with its field and reason, is in the dead-letter topic (and at DEBUG).
        EventApplier.Rejection first = rejections.get(0);
        log.info("Dead-lettered {} event{} to {}; the first, {}-{}@{}: {}{}", rejections.size(),
                rejections.size() == 1 ? "" : "s", settings.deadLetterTopic(), first.event().topic(),
                first.event().partition(), first.event().offset(), first.field() == null ? "" : first.field() + ": ",
                first.reason());
        deadLetters.flush();
        for (java.util.concurrent.Future<?> future : sent) {
            try {
                future.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the dead-letter topic did not take a rejected event: "
                        + e.getMessage(), e);
            }
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        if (value != null) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void rewind(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> inPartition = records.records(partition);
            if (!inPartition.isEmpty()) {
                consumer.seek(partition, inPartition.get(0).offset());
            }
        }
    }

    /** Events on the brokers not yet applied, summed over this consumer's partitions; checked once a second. */
    private void updateLag() {
        long now = System.nanoTime();
        if (now - lagCheckedAt < 1_000_000_000L) {
            return;
        }
        lagCheckedAt = now;
        try {
            Set<TopicPartition> assigned = consumer.assignment();
            if (assigned.isEmpty()) {
                return;
            }
            long behind = 0;
            for (Map.Entry<TopicPartition, Long> end : consumer.endOffsets(assigned, Duration.ofSeconds(2))
                    .entrySet()) {
                behind += Math.max(0, end.getValue() - consumer.position(end.getKey(), Duration.ofSeconds(2)));
            }
            lag.set(behind);
        } catch (RuntimeException e) {
            log.debug("Could not read the stream's lag: {}", e.getMessage());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Properties consumerProperties(StreamSettings s) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, s.groupId());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(s.maxBatch()));
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "custograph-" + s.groupId());
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, String.valueOf(s.sessionTimeout().toMillis()));
        // Kafka's advice: heartbeats at most a third of the session apart.
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, String.valueOf(Math.min(3_000,
                s.sessionTimeout().toMillis() / 3)));
        if (s.instanceId() != null) {
            p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, s.instanceId());
        }
        return p;
    }

    private static Properties producerProperties(StreamSettings s) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(1024 * 1024));
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "custograph-dead-letters");
        return p;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
