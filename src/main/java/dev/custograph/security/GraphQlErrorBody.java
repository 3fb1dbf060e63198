package dev.custograph.security;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of a refusal made before GraphQL runs (a missing key, a body too large, a request that is not GraphQL),
 * in the shape of a GraphQL error so that clients handle every refusal alike: {@code {"errors": [{"message": ...,
 * "extensions": {"classification": ...}}]}}. Written by Jackson, so a message quoting the request is escaped.
 */
public final class GraphQlErrorBody {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GraphQlErrorBody() {
    }

    public static void write(HttpServletResponse response, int status, String classification, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(json(classification, message));
    }

    public static byte[] json(String classification, String message) {
        return JSON.writeValueAsBytes(Map.of("errors", List.of(Map.of("message", message,
                "extensions", Map.of("classification", classification)))));
    }

    /**
     * The same body with an Apollo-style {@code extensions.code} too, for protocols whose clients look for a code
     * (Automatic Persisted Queries' {@code PERSISTED_QUERY_NOT_FOUND}).
     */
    public static byte[] json(String classification, String code, String message) {
        return JSON.writeValueAsBytes(Map.of("errors", List.of(Map.of("message", message,
                "extensions", Map.of("code", code, "classification", classification)))));
    }
}
