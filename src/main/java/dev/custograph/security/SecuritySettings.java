package dev.custograph.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code custograph.security.*}: the admin key ({@code serve --admin-key} sets it) and further keys, e.g.
 * <pre>
 * custograph.security.keys[0].name=shop-widget
 * custograph.security.keys[0].role=app
 * custograph.security.keys[0].key=${SHOP_WIDGET_KEY}
 * </pre>
 */
@ConfigurationProperties("custograph.security")
public record SecuritySettings(String adminKey, List<Key> keys) {

    /** One configured key. */
    public record Key(String name, String role, String key) {
    }

    public SecuritySettings {
        keys = keys == null ? List.of() : keys;
    }
}
