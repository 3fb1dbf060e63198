package dev.custograph.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/** Refusals before GraphQL runs, written in the shape of a GraphQL error so that clients handle them alike. */
final class SecurityErrors {

    private SecurityErrors() {
    }

    static void write(HttpServletResponse response, int status, String classification, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(("{\"errors\":[{\"message\":\"" + message
                + "\",\"extensions\":{\"classification\":\"" + classification + "\"}}]}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
