package dev.custograph.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the GraphQL endpoint, as a front-end app would call it. */
public final class GraphQlHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final Map<String, String> headers;

    /** Anonymous: no API key. */
    public GraphQlHttp(int port) {
        this(port, Map.of());
    }

    /** Every request carries these headers, e.g. {@code Authorization: Bearer <key>}. */
    public GraphQlHttp(int port, Map<String, String> headers) {
        this.baseUrl = "http://localhost:" + port;
        this.headers = Map.copyOf(headers);
    }

    /** Every request carries {@code Authorization: Bearer <key>}. */
    public static GraphQlHttp withKey(int port, String key) {
        return new GraphQlHttp(port, Map.of("Authorization", "Bearer " + key));
    }

    /** Posts a query and returns the whole response document ({@code data} and {@code errors}). */
    public JsonNode post(String query, Map<String, Object> variables) {
        return JSON.readTree(post(query, variables, Map.of()).body());
    }

    public JsonNode post(String query) {
        return post(query, Map.of());
    }

    /** Posts a query with extra headers for this request, and returns the response as it came (headers too). */
    public HttpResponse<String> post(String query, Map<String, Object> variables, Map<String, String> extraHeaders) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        extraHeaders.forEach(request::header);
        return send(request);
    }

    /** Posts a raw body (which need not be valid JSON) to /graphql and returns the response as it came. */
    public HttpResponse<String> postRaw(String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** GETs a path of the app and returns the response. */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** GETs a path with extra headers for this request (e.g. If-None-Match). */
    public HttpResponse<String> get(String path, Map<String, String> extraHeaders) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        extraHeaders.forEach(request::header);
        return send(request);
    }

    /** GETs /graphql with these URL parameters (encoded here) and extra headers. */
    public HttpResponse<String> getGraphQl(Map<String, String> parameters, Map<String, String> extraHeaders) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        return get("/graphql" + query, extraHeaders);
    }

    public static HttpResponse<String> get(URI uri) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
