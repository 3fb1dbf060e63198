package dev.custograph.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds on what one request may ask, so that no single query can occupy the server: nesting depth, the number of
 * fields (which also bounds aliases: 10,000 aliases are 10,000 fields), and the size of the request body. Page sizes
 * are bounded where each list is served. A query over a limit is refused as BAD_REQUEST before anything runs.
 */
@Configuration(proxyBeanMethods = false)
class QueryLimits {

    /** Deep enough for Customer 360 (customer, orders, lines, product, category and a connection's edges). */
    @Bean
    Instrumentation maxQueryDepth(@Value("${custograph.api.max-query-depth:15}") int depth) {
        return new MaxQueryDepthInstrumentation(depth);
    }

    /** Each field selected counts one; lists do not multiply, since every list is capped at 100 per page. */
    @Bean
    Instrumentation maxQueryComplexity(@Value("${custograph.api.max-query-complexity:1000}") int complexity) {
        return new MaxQueryComplexityInstrumentation(complexity);
    }

    @Bean
    OncePerRequestFilter requestSizeLimit(@Value("${custograph.api.max-request-bytes:1000000}") long maxBytes) {
        return new RequestSizeLimit(maxBytes);
    }

    /**
     * Refuses a GraphQL request whose body is over the limit with HTTP 413 and a classified error, without reading
     * it. A body sent without its length is refused the same way once it passes the limit.
     */
    static final class RequestSizeLimit extends OncePerRequestFilter {

        private final long maxBytes;

        RequestSizeLimit(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !request.getRequestURI().startsWith("/graphql");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getContentLengthLong() > maxBytes || (request.getContentLengthLong() < 0
                    && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding")))) {
                response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                response.setContentType("application/json");
                String message = request.getContentLengthLong() > maxBytes
                        ? "the request body is " + request.getContentLengthLong() + " bytes, over the limit of "
                        + maxBytes : "a request body must state its length (Content-Length), up to " + maxBytes
                        + " bytes";
                response.getOutputStream().write(("{\"errors\":[{\"message\":\"" + message
                        + "\",\"extensions\":{\"classification\":\"BAD_REQUEST\"}}]}")
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
