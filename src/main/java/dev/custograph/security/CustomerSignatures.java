package dev.custograph.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A widget key sits in a public web page, so anyone may copy it. What it may read is therefore bound to a customer
 * the shop vouches for: the shop's server signs the customer's id with the key's secret (HMAC-SHA256, URL-safe Base64
 * without padding) and puts the signature in the page beside the id; the widget sends both. A copied key alone reads
 * no one's recommendations.
 *
 * <p>A signature may carry an expiry, so a page copied from a browser's cache stops working: {@code <expires>.<mac>},
 * where {@code expires} is the moment in Unix seconds and {@code mac} signs {@code <customer id>.<expires>}, so the
 * expiry cannot be moved without the secret. A key configured with {@code signature-expiry-required} accepts only
 * such signatures.
 */
public final class CustomerSignatures {

    /** Whether a signature holds, and if not, why (for the refusal's message). */
    public record Check(boolean valid, String problem) {
        static final Check VALID = new Check(true, null);

        static Check invalid(String problem) {
            return new Check(false, problem);
        }
    }

    private final SecretKeySpec secret;
    private final boolean expiryRequired;

    CustomerSignatures(String secret, boolean expiryRequired) {
        this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.expiryRequired = expiryRequired;
    }

    /** The signature of {@code customerId} without expiry, as the shop computes it. */
    public String sign(String customerId) {
        return mac(customerId);
    }

    /** The signature of {@code customerId} valid until {@code expires}. */
    public String sign(String customerId, Instant expires) {
        long seconds = expires.getEpochSecond();
        return seconds + "." + mac(customerId + "." + seconds);
    }

    /** True when {@code signature} is this secret's valid signature of {@code customerId} now. */
    public boolean verify(String customerId, String signature) {
        return check(customerId, signature, Instant.now()).valid();
    }

    /** Checks {@code signature} for {@code customerId} at {@code now}; compared in constant time. */
    public Check check(String customerId, String signature, Instant now) {
        if (customerId == null || signature == null || signature.isBlank()) {
            return Check.invalid("no signature");
        }
        String given = signature.strip();
        int dot = given.indexOf('.');
        if (dot < 0) {
            if (expiryRequired) {
                return Check.invalid("this key takes only signatures with an expiry (<expires>.<signature>)");
            }
            return same(mac(customerId), given) ? Check.VALID : Check.invalid("the signature does not match");
        }
        long expires;
        try {
            expires = Long.parseLong(given.substring(0, dot));
        } catch (NumberFormatException e) {
            return Check.invalid("the signature's expiry is not a number of seconds");
        }
        if (!same(mac(customerId + "." + expires), given.substring(dot + 1))) {
            return Check.invalid("the signature does not match");
        }
        if (now.getEpochSecond() > expires) {
            return Check.invalid("the signature expired at " + Instant.ofEpochSecond(expires));
        }
        return Check.VALID;
    }

    private String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }
}
