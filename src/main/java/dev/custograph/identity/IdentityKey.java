package dev.custograph.identity;

/** A customer's id in one source system: what an {@code :Identity} node stands for. */
public record IdentityKey(String source, String externalId) {
}
