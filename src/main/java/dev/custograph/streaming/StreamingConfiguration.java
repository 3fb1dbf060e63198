package dev.custograph.streaming;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.custograph.graph.Graph;
import dev.custograph.model.ValueRules;
import dev.custograph.orders.OrderPlacement;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event stream, when {@code custograph.kafka.bootstrap-servers} names brokers (docs/streaming.md): the consumer
 * that applies order and customer events ({@link EventStream}), and its part of {@code /actuator/health}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${custograph.kafka.bootstrap-servers:}'.isBlank()")
public class StreamingConfiguration {

    /** The stream's health turns WARN past this lag (events on the brokers not yet applied). */
    public static final Status WARN = new Status("WARN", "the stream is behind");

    @Bean
    StreamSettings streamSettings(@Value("${custograph.kafka.bootstrap-servers}") String bootstrapServers,
                                  @Value("${custograph.kafka.topics.orders:custograph.orders}") String orders,
                                  @Value("${custograph.kafka.topics.customers:custograph.customers}") String customers,
                                  @Value("${custograph.kafka.topics.dead-letter:custograph.dead-letter}") String dead,
                                  @Value("${custograph.kafka.group-id:custograph}") String groupId,
                                  @Value("${custograph.kafka.max-event-bytes:262144}") int maxEventBytes,
                                  @Value("${custograph.kafka.max-batch:5000}") int maxBatch,
                                  @Value("${custograph.kafka.lag-warn:10000}") long lagWarn,
                                  @Value("${custograph.kafka.source:stream}") String source,
                                  @Value("${custograph.kafka.instance-id:}") String instanceId,
                                  @Value("${custograph.kafka.session-timeout:10s}") Duration sessionTimeout) {
        return new StreamSettings(bootstrapServers, orders, customers, dead, groupId, maxEventBytes, maxBatch,
                lagWarn, source, Duration.ofMillis(200), instanceId, sessionTimeout);
    }

    @Bean(destroyMethod = "close")
    EventStream eventStream(StreamSettings settings, Graph graph, ValueRules.DateWindow dates, MeterRegistry meters) {
        EventStream stream = new EventStream(settings, new EventApplier(graph, new OrderPlacement(graph, dates),
                settings), meters);
        stream.start();
        return stream;
    }

    /** UP while the stream keeps up; WARN past the lag threshold or after an error; DOWN when the consumer stopped. */
    @Bean
    HealthIndicator streamHealthIndicator(EventStream stream) {
        return () -> {
            EventStream.Status status = stream.status();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("lag", status.lag());
            details.put("lagWarn", stream.settings().lagWarn());
            details.put("applied", status.applied());
            details.put("deadLettered", status.rejected());
            details.put("lastBatchAt", status.lastBatchAt() == null ? null : status.lastBatchAt().toString());
            if (status.lastError() != null) {
                details.put("lastError", status.lastError());
            }
            Status state = !status.running() ? Status.DOWN
                    : status.lag() > stream.settings().lagWarn() || status.lastError() != null ? WARN : Status.UP;
            return Health.status(state).withDetails(details).build();
        };
    }
}
