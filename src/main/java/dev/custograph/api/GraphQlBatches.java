package dev.custograph.api;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.context.ContextSnapshot;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a batch, a JSON array of GraphQL requests POSTed to /graphql, with the JSON array of their answers, in
 * order. Runs after authentication (the batch is one HTTP request with one key) and after the shape of every request
 * in it was checked ({@link GraphQlRequestShape}); each request then goes through the same GraphQL handler, with its
 * interceptors (access rules, audit, read-your-writes), as a request sent alone, and one request's errors are its own
 * answer's. The batch shares one time budget ({@link RequestBudget}): a batch costs no more than a request may.
 */
final class GraphQlBatches extends OncePerRequestFilter {

    /** The most requests one batch may hold. */
    static final int MAX_BATCH = 10;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectProvider<WebGraphQlHandler> handler;

    GraphQlBatches(ObjectProvider<WebGraphQlHandler> handler) {
        this.handler = handler;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().equals("/graphql") || !request.getMethod().equals("POST");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        if (!startsAnArray(body)) {
            chain.doFilter(new RequestBodyLimit.BufferedBody(request, body), response);
            return;
        }
        List<Map<String, Object>> requests = JSON.readValue(body, new TypeReference<>() {
        });
        WebGraphQlHandler graphQl = handler.getObject();
        ContextSnapshot context = graphQl.contextSnapshotFactory().captureAll();
        HttpHeaders headers = new HttpHeaders();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.addAll(name, Collections.list(request.getHeaders(name)));
        }
        URI uri = URI.create(request.getRequestURL().toString());
        Map<String, Object> attributes = new HashMap<>();
        for (String name : Collections.list(request.getAttributeNames())) {
            attributes.put(name, request.getAttribute(name));
        }
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            WebGraphQlRequest one = new WebGraphQlRequest(uri, headers, new LinkedMultiValueMap<>(),
                    new InetSocketAddress(request.getRemoteAddr(), request.getRemotePort()), attributes,
                    requests.get(i), request.getRequestId() + "-" + i, request.getLocale());
            WebGraphQlResponse answer = graphQl.handleRequest(one).contextWrite(context::updateContext).block();
            answer.getResponseHeaders().forEach((name, values) -> values.forEach(v -> response.setHeader(name, v)));
            answers.add(answer.toMap());
        }
        byte[] out = JSON.writeValueAsBytes(answers);
        response.setStatus(200);
        response.setContentType("application/json");
        response.setContentLength(out.length);
        response.getOutputStream().write(out);
    }

    private static boolean startsAnArray(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '[';
            }
        }
        return false;
    }
}
