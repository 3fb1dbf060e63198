package dev.custograph.backup;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that signs backup archives, so that one changed after it was written is refused. The manifest holds the
 * SHA-256 of every entry; anyone who changes an entry can recompute those, but not the manifest's HMAC-SHA256 under
 * this key, kept apart from the archives (a file readable by the operator only, or a secret store).
 */
public final class SigningKey {

    static final int MIN_LENGTH = 16;
    static final String SCHEME = "hmac-sha256:";

    private final SecretKeySpec key;

    private SigningKey(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The key for {@code secret}; one shorter than 16 characters is refused, naming {@code option}. */
    public static SigningKey of(String secret, String option) {
        if (secret == null || secret.strip().length() < MIN_LENGTH) {
            throw new BackupFailedException(option + ": a signing key needs at least " + MIN_LENGTH + " characters");
        }
        return new SigningKey(secret.strip());
    }

    /** The signature of the manifest's bytes, as stored in the archive. */
    String sign(byte[] manifest) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return SCHEME + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(manifest));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code signature} is this key's signature of the manifest's bytes; compared in constant time. */
    boolean signed(byte[] manifest, String signature) {
        return MessageDigest.isEqual(sign(manifest).getBytes(StandardCharsets.US_ASCII),
                signature.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
