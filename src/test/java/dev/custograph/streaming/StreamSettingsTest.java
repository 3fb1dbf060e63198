package dev.custograph.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import dev.custograph.model.InvalidParameterException;
import org.junit.jupiter.api.Test;

/** What the stream's configuration accepts, and what it says when it does not. */
class StreamSettingsTest {

    private static StreamSettings settings(String instanceId, Duration sessionTimeout) {
        return new StreamSettings("localhost:9092", "orders", "customers", "dead", "custograph", 262_144, 5000,
                10_000, "stream", Duration.ofMillis(200), instanceId, sessionTimeout);
    }

    @Test
    void withoutAnInstanceIdTheConsumerIsADynamicMemberWithATenSecondSession() {
        StreamSettings defaults = new StreamSettings("localhost:9092", "orders", "customers", "dead", "custograph",
                262_144, 5000, 10_000, "stream", Duration.ofMillis(200));
        assertThat(defaults.instanceId()).isNull();
        assertThat(defaults.sessionTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings("  ", Duration.ofSeconds(10)).instanceId()).isNull();
    }

    @Test
    void anInstanceIdIsANameKafkaAccepts() {
        assertThat(settings("shop-eu-1", Duration.ofSeconds(10)).instanceId()).isEqualTo("shop-eu-1");
        assertThatThrownBy(() -> settings("shop eu/1", Duration.ofSeconds(10)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("instanceId")
                .hasMessageContaining("'shop eu/1'");
    }

    @Test
    void theSessionTimeoutIsOneBrokersAccept() {
        assertThatThrownBy(() -> settings(null, Duration.ofSeconds(5))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("sessionTimeout").hasMessageContaining("between 6 s and 30 min");
        assertThatThrownBy(() -> settings(null, Duration.ofHours(1))).isInstanceOf(InvalidParameterException.class);
        assertThat(settings(null, Duration.ofSeconds(6)).sessionTimeout()).isEqualTo(Duration.ofSeconds(6));
    }
}
