package dev.custograph.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A widget key sits in a public web page, so anyone may copy it. What it may read is therefore bound to a customer
 * the shop vouches for: the shop's server signs the customer's id with the key's secret (HMAC-SHA256, URL-safe Base64
 * without padding) and puts the signature in the page beside the id; the widget sends both. A copied key alone reads
 * no one's recommendations.
 */
public final class CustomerSignatures {

    private final SecretKeySpec secret;

    CustomerSignatures(String secret) {
        this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The signature of {@code customerId}, as the shop computes it. */
    public String sign(String customerId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(customerId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** True when {@code signature} is this secret's signature of {@code customerId}; compared in constant time. */
    public boolean verify(String customerId, String signature) {
        if (customerId == null || signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(customerId).getBytes(StandardCharsets.US_ASCII),
                signature.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
