package dev.custograph.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over the limit with HTTP 413 and a classified GraphQL error, whatever its framing. A body
 * that states its length is judged by it, unread. A body without one (chunked, however the header is spelled: a
 * stray comma in {@code Transfer-Encoding: ,chunked} once let 760 MB through) is read here, at most one byte past
 * the limit, and handed on from memory; past the limit the connection is closed rather than drained.
 */
final class RequestBodyLimit extends OncePerRequestFilter {

    private final int maxBytes;

    RequestBodyLimit(long maxBytes) {
        this.maxBytes = (int) Math.min(Integer.MAX_VALUE - 1, maxBytes);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(response, "the request body is " + declared + " bytes, over the limit of " + maxBytes + " bytes");
            return;
        }
        if (declared >= 0 || !hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            refuse(response, "the request body is over the limit of " + maxBytes + " bytes");
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }

    /** A request without a stated length has a body only when it says how the body is framed. */
    private static boolean hasBody(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null;
    }

    private static void refuse(HttpServletResponse response, String message) throws IOException {
        // Tomcat would otherwise read (and discard) what is left of the body to keep the connection alive.
        response.setHeader("Connection", "close");
        dev.custograph.security.GraphQlErrorBody.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "BAD_REQUEST", message);
    }

    /** The request with its body already read into memory (at most the limit). */
    static class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read already");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public java.io.BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    java.nio.charset.Charset.forName(encoding)));
        }
    }
}
