package dev.custograph.security;

import java.util.Arrays;

/**
 * What an API key may do (docs/security.md):
 * <ul>
 *   <li>{@code app}: a trusted front end acting for one customer at a time (named by the
 *       {@code X-Customer-Id} header): products, frequently-bought-together, and that customer with its
 *       recommendations;</li>
 *   <li>{@code widget}: a key that may sit in a public web page (the recommendation widget): products, and the
 *       recommendations of the one customer whose id the shop signed with the key's signing secret
 *       ({@code X-Customer-Signature}); no customer field at all;</li>
 *   <li>{@code analyst}: every read, with customers' personal fields masked;</li>
 *   <li>{@code admin}: everything, the actuator endpoints included.</li>
 * </ul>
 */
public enum Role {
    APP, WIDGET, ANALYST, ADMIN;

    /** The Spring Security authority, e.g. ROLE_ADMIN. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Role of(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(name.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("custograph.security.keys: role must be app, "
                        + "widget, analyst or admin, got '" + name + "'"));
    }
}
