package dev.custograph.identity;

import java.util.Map;

/**
 * One source's view of a customer, standardised, as an import hands it to identity resolution: the source and the
 * id the customer has there, the normalised email and phone used for matching (null when unknown or invalid), an
 * optional explicit Custograph customer id the source asks to be linked to, and the properties to store.
 */
public record CustomerRecord(String source, String externalId, String explicitId, String email, String phone,
                             Map<String, Object> properties) {

    public CustomerRecord {
        if (source == null || source.isBlank() || externalId == null || externalId.isBlank()) {
            throw new IllegalArgumentException("a customer record needs a source and an external id");
        }
        properties = Map.copyOf(properties);
    }

    IdentityKey key() {
        return new IdentityKey(source, externalId);
    }
}
