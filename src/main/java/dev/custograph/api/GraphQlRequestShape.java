package dev.custograph.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import dev.custograph.security.GraphQlErrorBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request to /graphql that is not a GraphQL request, before it reaches GraphQL, with an answer a GraphQL
 * client reads like any other error (classified BAD_REQUEST) instead of a servlet container's page: a method other
 * than POST (405), a content type other than JSON (415), a body that is not UTF-8, not JSON, or not one request
 * object, a query that is missing, null or not a string,
 * variables or extensions that are not objects (400); in a batch (a JSON array, run by {@link GraphQlBatches}), the
 * same for each request, and at most {@link GraphQlBatches#MAX_BATCH} of them. GET requests and persisted queries
 * arrive here already made into POSTs ({@link GraphQlOverHttp}). The body is at most the request limit
 * ({@link RequestBodyLimit} runs first), so reading it here whole costs little.
 */
final class GraphQlRequestShape extends OncePerRequestFilter {

    private static final Set<String> JSON_TYPES = Set.of("application/json", "application/graphql-response+json",
            "application/graphql+json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().equals("/graphql");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getMethod().equals("OPTIONS")) {
            chain.doFilter(request, response); // a CORS preflight, answered by the CORS filter
            return;
        }
        if (!request.getMethod().equals("POST")) {
            response.setHeader("Allow", "POST");
            refuse(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "send GraphQL requests with POST, not "
                    + request.getMethod());
            return;
        }
        String type = request.getContentType() == null ? "" : request.getContentType().split(";")[0].strip()
                .toLowerCase(Locale.ROOT);
        if (!JSON_TYPES.contains(type)) {
            refuse(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json, "
                    + "not " + (type.isEmpty() ? "none" : "'" + type + "'"));
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String problem = problem(body);
        if (problem != null) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, problem);
            return;
        }
        chain.doFilter(new RequestBodyLimit.BufferedBody(request, body), response);
    }

    /** What is wrong with the body as a GraphQL request, or null when nothing is. */
    static String problem(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return "the request body is not UTF-8";
        }
        JsonNode request;
        try {
            request = JSON.readTree(text);
        } catch (JacksonException e) {
            return "the request body is not JSON: " + e.getOriginalMessage();
        }
        if (request == null || request.isMissingNode()) {
            return "the request body is empty; send {\"query\": \"...\"}";
        }
        if (request.isArray()) {
            if (request.isEmpty() || request.size() > GraphQlBatches.MAX_BATCH) {
                return "a batch holds 1-" + GraphQlBatches.MAX_BATCH + " requests, this one " + request.size();
            }
            for (int i = 0; i < request.size(); i++) {
                String problem = problem(request.get(i));
                if (problem != null) {
                    return "[" + i + "]: " + problem;
                }
            }
            return null;
        }
        return problem(request);
    }

    /** What is wrong with one request object, or null when nothing is. */
    private static String problem(JsonNode request) {
        if (!request.isObject()) {
            return "the request body must be a JSON object {\"query\": \"...\"}";
        }
        JsonNode query = request.get("query");
        if (query == null || query.isNull()) {
            return "query is missing; send {\"query\": \"...\"}";
        }
        if (!query.isString() || query.stringValue().isBlank()) {
            return "query must be a non-empty string";
        }
        for (String field : new String[] {"variables", "extensions"}) {
            JsonNode value = request.get(field);
            if (value != null && !value.isNull() && !value.isObject()) {
                return field + " must be a JSON object";
            }
        }
        JsonNode operation = request.get("operationName");
        if (operation != null && !operation.isNull() && !operation.isString()) {
            return "operationName must be a string";
        }
        return null;
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        GraphQlErrorBody.write(response, status, "BAD_REQUEST", message);
    }
}
