package dev.custograph.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code custograph.security.*}: the admin key ({@code serve --admin-key} sets it) and further keys, e.g.
 * <pre>
 * custograph.security.keys[0].name=shop-widget
 * custograph.security.keys[0].role=widget
 * custograph.security.keys[0].key=${SHOP_WIDGET_KEY}
 * custograph.security.keys[0].signing-secret=${SHOP_WIDGET_SECRET}
 * custograph.security.keys[0].signature-expiry-required=true
 * custograph.security.allowed-origins=https://shop.example.com
 * </pre>
 * {@code admin-key-file} names a file whose first line is the admin key (it keeps the key out of process lists and
 * environment dumps). {@code allowed-origins} are the web origins whose pages may call {@code /graphql} (the widget on a shop's page);
 * all by default.
 */
@ConfigurationProperties("custograph.security")
public record SecuritySettings(String adminKey, java.nio.file.Path adminKeyFile, List<Key> keys,
                               List<String> allowedOrigins) {

    /** One configured key; a widget key also has the secret the shop signs customer ids with. */
    public record Key(String name, String role, String key, String signingSecret, boolean signatureExpiryRequired) {
    }

    public SecuritySettings {
        keys = keys == null ? List.of() : keys;
        // Keys travel in a header, never in cookies, so a page of another origin gains nothing it was not given:
        // any origin may call /graphql unless the operator narrows it (custograph.security.allowed-origins).
        allowedOrigins = allowedOrigins == null || allowedOrigins.isEmpty() ? List.of("*") : allowedOrigins;
    }
}
