package dev.custograph.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The API keys the server accepts, each with a name (for logs and the audit) and a role. Keys are kept only as
 * SHA-256 digests and compared in constant time, so neither a heap dump nor response timing gives one away.
 */
public final class ApiKeys {

    /**
     * A key holder: its name and role, and for a widget key the secret customer ids are signed with (null for
     * other roles).
     */
    public record Holder(String name, Role role, CustomerSignatures signatures) {
    }

    private record Entry(byte[] digest, Holder holder) {
    }

    /** The shortest key accepted; shorter ones are guessable. */
    static final int MIN_KEY_LENGTH = 16;

    private final List<Entry> entries = new ArrayList<>();

    /** Adds a key; a key shorter than {@link #MIN_KEY_LENGTH} characters is refused with the holder's name. */
    public ApiKeys add(String key, String name, Role role) {
        return add(key, name, role, null, false);
    }

    /**
     * Adds a key. A widget key needs a signing secret of at least {@link #MIN_KEY_LENGTH} characters, since it will
     * be visible in web pages; other roles take none.
     */
    public ApiKeys add(String key, String name, Role role, String signingSecret, boolean signatureExpiryRequired) {
        if (key == null || key.strip().length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("custograph.security: the key of '" + name + "' must be at least "
                    + MIN_KEY_LENGTH + " characters");
        }
        CustomerSignatures signatures = null;
        if (role == Role.WIDGET) {
            if (signingSecret == null || signingSecret.strip().length() < MIN_KEY_LENGTH) {
                throw new IllegalArgumentException("custograph.security: the widget key '" + name + "' needs a "
                        + "signing-secret of at least " + MIN_KEY_LENGTH + " characters, with which the shop signs "
                        + "customer ids");
            }
            signatures = new CustomerSignatures(signingSecret.strip(), signatureExpiryRequired);
        } else if (signingSecret != null && !signingSecret.isBlank()) {
            throw new IllegalArgumentException("custograph.security: only widget keys take a signing-secret; '"
                    + name + "' is " + role.name().toLowerCase());
        }
        entries.add(new Entry(digest(key.strip()), new Holder(name, role, signatures)));
        return this;
    }

    public boolean hasRole(Role role) {
        return entries.stream().anyMatch(e -> e.holder().role() == role);
    }

    /** The holder of this key, if it is one of ours. */
    public Optional<Holder> find(String key) {
        byte[] given = digest(key);
        Holder found = null;
        for (Entry e : entries) {
            // Every entry is compared, found or not, so the time taken says nothing about which key matched.
            if (MessageDigest.isEqual(e.digest(), given)) {
                found = e.holder();
            }
        }
        return Optional.ofNullable(found);
    }

    /** A new random key: 32 bytes, URL-safe Base64. */
    public static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The first line of a key file; fails naming the setting when it is missing or empty. */
    static String readKeyFile(java.nio.file.Path file, String setting) {
        try {
            String key = java.nio.file.Files.readString(file).lines().findFirst().orElse("").strip();
            if (key.isEmpty()) {
                throw new IllegalArgumentException(setting + ": " + file + " is empty");
            }
            return key;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(setting + ": " + file + (e instanceof java.nio.file.NoSuchFileException ? " does not exist"
                    : " cannot be read: " + e.getMessage()));
        }
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
