package dev.custograph.model;

/** A customer's record in one source system, as an {@code (:Identity)} node resolving to the customer. */
public record Identity(String source, String externalId, String email, String phone, boolean primary) {
}
