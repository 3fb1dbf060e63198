package dev.custograph.streaming;

import java.time.Duration;

import dev.custograph.model.InvalidParameterException;

/**
 * Where the event stream is and how it is consumed ({@code custograph.kafka.*}): the brokers, the topics of order and
 * customer events, the dead-letter topic for events that cannot be applied, the consumer group, the largest event
 * read (a larger one is dead-lettered unread), how many events one poll applies in one transaction, and the lag that
 * turns the stream's health to WARN. Empty bootstrap servers: no stream.
 */
public record StreamSettings(String bootstrapServers, String ordersTopic, String customersTopic,
                             String deadLetterTopic, String groupId, int maxEventBytes, int maxBatch,
                             long lagWarn, String defaultSource, Duration pollTimeout) {

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
    }
}
