package dev.custograph.streaming;

import java.time.Duration;

import dev.custograph.model.InvalidParameterException;

/**
 * Where the event stream is and how it is consumed ({@code custograph.kafka.*}): the brokers, the topics of order and
 * customer events, the dead-letter topic for events that cannot be applied, the consumer group, the largest event
 * read (a larger one is dead-lettered unread), how many events one poll applies in one transaction, and the lag that
 * turns the stream's health to WARN. Empty bootstrap servers: no stream.
 *
 * <p>How soon a restarted or crashed instance's partitions are consumed again: {@code sessionTimeout} is how long the
 * group waits for a member that stopped answering before giving its partitions to others (Kafka's default is 45 s);
 * {@code instanceId}, when set, makes this instance a static member of the group, so that a restart under the same id
 * takes its partitions back at once instead of waiting for the old session to expire. Null: a dynamic member.
 */
public record StreamSettings(String bootstrapServers, String ordersTopic, String customersTopic,
                             String deadLetterTopic, String groupId, int maxEventBytes, int maxBatch,
                             long lagWarn, String defaultSource, Duration pollTimeout, String instanceId,
                             Duration sessionTimeout) {

    /** The session timeout when none is configured: a crashed instance's partitions move on within 10 s. */
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(10);

    /** Settings with a dynamic membership and the default session timeout. */
    public StreamSettings(String bootstrapServers, String ordersTopic, String customersTopic, String deadLetterTopic,
                          String groupId, int maxEventBytes, int maxBatch, long lagWarn, String defaultSource,
                          Duration pollTimeout) {
        this(bootstrapServers, ordersTopic, customersTopic, deadLetterTopic, groupId, maxEventBytes, maxBatch,
                lagWarn, defaultSource, pollTimeout, null, DEFAULT_SESSION_TIMEOUT);
    }

    public StreamSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new InvalidParameterException("bootstrapServers", "is empty: the stream needs its brokers");
        }
        for (String topic : new String[] {ordersTopic, customersTopic, deadLetterTopic}) {
            if (topic == null || !topic.matches("[A-Za-z0-9._-]{1,249}")) {
                throw new InvalidParameterException("topics", "'" + topic + "' is not a Kafka topic name");
            }
        }
        if (ordersTopic.equals(customersTopic) || deadLetterTopic.equals(ordersTopic)
                || deadLetterTopic.equals(customersTopic)) {
            throw new InvalidParameterException("topics", "orders, customers and dead letters need three topics");
        }
        if (maxEventBytes < 1_024 || maxEventBytes > 8 * 1_024 * 1_024) {
            throw new InvalidParameterException("maxEventBytes", "must be between 1 KiB and 8 MiB, got "
                    + maxEventBytes);
        }
        if (maxBatch < 1 || maxBatch > 10_000) {
            throw new InvalidParameterException("maxBatch", "must be between 1 and 10000, got " + maxBatch);
        }
        if (lagWarn < 1) {
            throw new InvalidParameterException("lagWarn", "must be at least 1, got " + lagWarn);
        }
        if (instanceId != null && instanceId.isBlank()) {
            instanceId = null;
        }
        if (instanceId != null && !instanceId.matches("[A-Za-z0-9._-]{1,249}")) {
            throw new InvalidParameterException("instanceId", "'" + instanceId + "' must be 1 to 249 letters, digits,"
                    + " '.', '_' or '-'");
        }
        // Brokers refuse sessions outside group.min/max.session.timeout.ms (6 s and 30 min by default).
        if (sessionTimeout == null || sessionTimeout.compareTo(Duration.ofSeconds(6)) < 0
                || sessionTimeout.compareTo(Duration.ofMinutes(30)) > 0) {
            throw new InvalidParameterException("sessionTimeout", "must be between 6 s and 30 min, got "
                    + sessionTimeout);
        }
    }
}
