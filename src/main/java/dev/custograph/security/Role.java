package dev.custograph.security;

import java.util.Arrays;

/**
 * What an API key may do (docs/security.md):
 * <ul>
 *   <li>{@code app}: a front end or widget acting for one customer at a time (named by the
 *       {@code X-Customer-Id} header): products, frequently-bought-together, and that customer with its
 *       recommendations;</li>
 *   <li>{@code analyst}: every read, with customers' personal fields masked;</li>
 *   <li>{@code admin}: everything, the actuator endpoints included.</li>
 * </ul>
 */
public enum Role {
    APP, ANALYST, ADMIN;

    /** The Spring Security authority, e.g. ROLE_ADMIN. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Role of(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(name.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("custograph.security.keys: role must be app, "
                        + "analyst or admin, got '" + name + "'"));
    }
}
