package dev.custograph.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.custograph.security.GraphQlErrorBody;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parts of GraphQL over HTTP that Spring for GraphQL does not serve, turned into the one request it does (a POST
 * of one JSON object) before it sees them:
 * <ul>
 *   <li><b>GET</b> {@code /graphql?query=...&variables=...&operationName=...&extensions=...}, for queries only (a
 *       mutation over GET is refused with 405, as the GraphQL-over-HTTP spec asks). Its answer carries an ETag over
 *       the body and {@code Cache-Control: private, no-cache}: a browser keeps it and asks whether it still holds,
 *       and gets a 304 without a body when it does. Private, because answers hold personal data and depend on the
 *       caller's key; shared caches (CDNs) therefore keep none of them.</li>
 *   <li><b>Automatic Persisted Queries</b> (Apollo's protocol): a request may send
 *       {@code extensions.persistedQuery.sha256Hash} instead of the query; an unknown hash is answered with the error
 *       {@code PersistedQueryNotFound}, and the client sends the query with its hash once, which registers it (after
 *       the request succeeded, so only a caller with a key registers anything). Hashes are checked. The store is
 *       bounded by the total length of the queries it holds.</li>
 *   <li><b>Batches</b> (a JSON array of requests) go on as they came, with the persisted queries they name
 *       filled in, to {@link GraphQlBatches}.</li>
 * </ul>
 * Runs after the body limit ({@link RequestBodyLimit}) and before the check of the request's shape
 * ({@link GraphQlRequestShape}), which then sees each request as a single POST.
 */
final class GraphQlOverHttp extends OncePerRequestFilter {

    /** The most characters of queries the persisted-query store holds. */
    static final long MAX_PERSISTED_CHARS = 20_000_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Cache<String, String> persisted = Caffeine.newBuilder().maximumWeight(MAX_PERSISTED_CHARS)
            .<String, String>weigher((hash, query) -> query.length()).build();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().equals("/graphql");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if (method.equals("GET")) {
            get(request, response, chain);
        } else if (method.equals("POST")) {
            post(request, response, chain);
        } else {
            chain.doFilter(request, response);
        }
    }

    private void get(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ObjectNode body = JSON.createObjectNode();
        String query = request.getParameter("query");
        if (query != null) {
            body.put("query", query);
        }
        String operationName = request.getParameter("operationName");
        if (operationName != null && !operationName.isEmpty()) {
            body.put("operationName", operationName);
        }
        for (String name : new String[] {"variables", "extensions"}) {
            String value = request.getParameter(name);
            if (value == null || value.isEmpty()) {
                continue;
            }
            try {
                body.set(name, JSON.readTree(value));
            } catch (JacksonException e) {
                GraphQlErrorBody.write(response, 400, "BAD_REQUEST", name + ": the URL parameter is not JSON ("
                        + e.getOriginalMessage() + ")");
                return;
            }
        }
        if (query == null && !body.has("extensions")) {
            GraphQlErrorBody.write(response, 400, "BAD_REQUEST", "query: a GET request needs the query (or a "
                    + "persisted query's hash in extensions) as a URL parameter");
            return;
        }
        Answer answer = single(body, request, response, chain, true);
        if (answer.status() == 200) {
            String etag = etag(answer.body());
            response.setHeader("ETag", etag);
            response.setHeader("Cache-Control", "private, no-cache");
            response.setHeader("Vary", "Authorization, X-Customer-Id, X-Customer-Signature, Custograph-Bookmark");
            if (matches(request.getHeader("If-None-Match"), etag)) {
                response.setStatus(304);
                return;
            }
        }
        answer.writeTo(response);
    }

    private void post(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] raw = request.getInputStream().readAllBytes();
        JsonNode parsed;
        try {
            parsed = raw.length == 0 ? null : JSON.readTree(raw);
        } catch (JacksonException e) {
            parsed = null;
        }
        if (parsed != null && parsed.isArray()) {
            batch(parsed, request, response, chain);
            return;
        }
        if (parsed != null && parsed.isObject() && parsed.has("extensions")) {
            single(parsed, request, response, chain, false).writeTo(response);
            return;
        }
        // Anything else goes on as it came; GraphQlRequestShape says what is wrong with it, if anything.
        chain.doFilter(new JsonPost(request, raw), response);
    }

    /**
     * A batch goes on to {@link GraphQlBatches}, which runs it after authentication; here, each request that names a
     * persisted query this process knows gets its query.
     */
    private void batch(JsonNode requests, HttpServletRequest request, HttpServletResponse response,
                       FilterChain chain) throws ServletException, IOException {
        for (JsonNode one : requests) {
            if (one instanceof ObjectNode object && (object.get("query") == null || object.get("query").isNull())) {
                String hash = object.path("extensions").path("persistedQuery").path("sha256Hash").asString("");
                String known = persisted.getIfPresent(hash.toLowerCase(java.util.Locale.ROOT));
                if (known != null) {
                    object.put("query", known);
                }
            }
        }
        chain.doFilter(new JsonPost(request, JSON.writeValueAsBytes(requests)), response);
    }

    /**
     * Runs one request object through the rest of the chain as a POST, with its persisted query resolved, and
     * captures the answer. {@code queriesOnly}: refuse mutations (for GET).
     */
    private Answer single(JsonNode requestBody, HttpServletRequest request, HttpServletResponse response,
                          FilterChain chain, boolean queriesOnly) throws ServletException, IOException {
        ObjectNode body = ((ObjectNode) requestBody).deepCopy();
        String hash = null;
        JsonNode persistedQuery = body.path("extensions").path("persistedQuery");
        if (persistedQuery.isObject()) {
            if (persistedQuery.path("version").asInt(0) != 1) {
                return Answer.error(400, "BAD_REQUEST", "extensions.persistedQuery.version: only version 1 is "
                        + "known");
            }
            hash = persistedQuery.path("sha256Hash").asString("").toLowerCase(java.util.Locale.ROOT);
            if (!hash.matches("[0-9a-f]{64}")) {
                return Answer.error(400, "BAD_REQUEST", "extensions.persistedQuery.sha256Hash: not a SHA-256 "
                        + "hash in hex");
            }
            JsonNode query = body.get("query");
            if (query == null || query.isNull()) {
                String known = persisted.getIfPresent(hash);
                if (known == null) {
                    return Answer.persistedQueryNotFound();
                }
                body.put("query", known);
                hash = null; // known already
            } else if (!query.isString() || !sha256Hex(query.asString()).equals(hash)) {
                return Answer.error(400, "BAD_REQUEST", "extensions.persistedQuery.sha256Hash: does not match the "
                        + "query's SHA-256");
            }
        }
        if (queriesOnly && body.path("query").isString()) {
            String operation = operationType(body.path("query").asString(), body.path("operationName").asString(null));
            if (operation != null && !operation.equals("QUERY")) {
                return Answer.error(405, "BAD_REQUEST", "a " + operation.toLowerCase(java.util.Locale.ROOT)
                        + " must be sent with POST; GET runs queries only").withHeader("Allow", "POST");
            }
        }
        Captured captured = new Captured();
        chain.doFilter(new JsonPost(request, JSON.writeValueAsBytes(body)), captured.wrapping(response));
        Answer answer = captured.answer();
        if (hash != null && answer.status() == 200) {
            persisted.put(hash, body.get("query").asString());
        }
        return answer;
    }

    /** QUERY, MUTATION or SUBSCRIPTION for the operation the request runs; null when the document does not parse. */
    private static String operationType(String query, String operationName) {
        Document document;
        try {
            document = Parser.parse(query);
        } catch (InvalidSyntaxException e) {
            return null;
        }
        for (OperationDefinition op : document.getDefinitionsOfType(OperationDefinition.class)) {
            if (operationName == null || operationName.equals(op.getName())) {
                return op.getOperation().name();
            }
        }
        return null;
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** An ETag over the body: two CRC checksums and the length, cheap next to a cryptographic hash, which an ETag does not need. */
    static String etag(byte[] body) {
        java.util.zip.CRC32C c = new java.util.zip.CRC32C();
        c.update(body);
        java.util.zip.CRC32 d = new java.util.zip.CRC32();
        d.update(body);
        return "\"" + Long.toHexString(c.getValue()) + "-" + Long.toHexString(d.getValue()) + "-"
                + Integer.toHexString(body.length) + "\"";
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag) || tag.equals("*")) {
                return true;
            }
        }
        return false;
    }

    /** An answer captured from the chain, or made here. */
    private record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {

        static Answer error(int status, String classification, String message) {
            return new Answer(status, "application/json", GraphQlErrorBody.json(classification, message), Map.of());
        }

        /** Apollo's answer to an unknown hash: its clients look for this message and code, then send the query. */
        static Answer persistedQueryNotFound() {
            return new Answer(200, "application/json", GraphQlErrorBody.json("PERSISTED_QUERY_NOT_FOUND",
                    "PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound"), Map.of());
        }

        Answer withHeader(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Answer(status, contentType, body, all);
        }

        void writeTo(HttpServletResponse response) throws IOException {
            response.setStatus(status);
            headers.forEach(response::setHeader);
            if (contentType != null) {
                response.setContentType(contentType);
            }
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    /** The request as a POST of one JSON body. */
    private static final class JsonPost extends RequestBodyLimit.BufferedBody {

        JsonPost(HttpServletRequest request, byte[] body) {
            super(request, body);
        }

        @Override
        public String getMethod() {
            return "POST";
        }

        @Override
        public String getContentType() {
            return super.getMethod().equals("POST") && super.getContentType() != null ? super.getContentType()
                    : "application/json";
        }

        @Override
        public String getHeader(String name) {
            return name.equalsIgnoreCase("Content-Type") ? getContentType() : super.getHeader(name);
        }

        @Override
        public java.util.Enumeration<String> getHeaders(String name) {
            return name.equalsIgnoreCase("Content-Type")
                    ? java.util.Collections.enumeration(java.util.List.of(getContentType())) : super.getHeaders(name);
        }
    }

    /** Keeps what the chain answers (status, type, body) instead of sending it; other headers go through. */
    private static final class Captured {
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private int status = 200;
        private String contentType;
        private PrintWriter writer;

        Answer answer() {
            if (writer != null) {
                writer.flush();
            }
            return new Answer(status, contentType, body.toByteArray(), Map.of());
        }

        HttpServletResponse wrapping(HttpServletResponse response) {
            return new HttpServletResponseWrapper(response) {
                @Override
                public void setStatus(int sc) {
                    status = sc;
                }

                @Override
                public int getStatus() {
                    return status;
                }

                @Override
                public void sendError(int sc) {
                    status = sc;
                }

                @Override
                public void sendError(int sc, String msg) {
                    status = sc;
                    if (body.size() == 0) {
                        body.writeBytes(GraphQlErrorBody.json("BAD_REQUEST", msg == null ? "HTTP " + sc : msg));
                        contentType = "application/json";
                    }
                }

                @Override
                public void setContentType(String type) {
                    contentType = type;
                }

                @Override
                public String getContentType() {
                    return contentType;
                }

                @Override
                public void setContentLength(int len) {
                }

                @Override
                public void setContentLengthLong(long len) {
                }

                @Override
                public void setHeader(String name, String value) {
                    if (name.equalsIgnoreCase("Content-Type")) {
                        contentType = value;
                    } else if (!name.equalsIgnoreCase("Content-Length")) {
                        super.setHeader(name, value);
                    }
                }

                @Override
                public void addHeader(String name, String value) {
                    setHeader(name, value);
                }

                @Override
                public boolean isCommitted() {
                    return false;
                }

                @Override
                public void flushBuffer() {
                }

                @Override
                public void resetBuffer() {
                    body.reset();
                }

                @Override
                public void reset() {
                    body.reset();
                    status = 200;
                }

                @Override
                public ServletOutputStream getOutputStream() {
                    return new ServletOutputStream() {
                        @Override
                        public boolean isReady() {
                            return true;
                        }

                        @Override
                        public void setWriteListener(WriteListener listener) {
                            throw new UnsupportedOperationException("answers are captured, not streamed");
                        }

                        @Override
                        public void write(int b) {
                            body.write(b);
                        }

                        @Override
                        public void write(byte[] b, int off, int len) {
                            body.write(b, off, len);
                        }
                    };
                }

                @Override
                public PrintWriter getWriter() {
                    if (writer == null) {
                        writer = new PrintWriter(new java.io.OutputStreamWriter(body, StandardCharsets.UTF_8));
                    }
                    return writer;
                }
            };
        }
    }
}
