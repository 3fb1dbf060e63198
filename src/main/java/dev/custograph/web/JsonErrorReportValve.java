package dev.custograph.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import dev.custograph.security.GraphQlErrorBody;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;

/**
 * What Tomcat answers on its own, before the application sees a request (headers too large, a framing it does not
 * implement, a malformed request line): the shape of a GraphQL error with a classification instead of Tomcat's HTML
 * page, so that every refusal a client can meet reads alike and names no server internals.
 */
public final class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String reason = response.getMessage();
        if (reason == null || reason.isBlank()) {
            reason = StringManager.getManager(ErrorReportValve.class).getString("http." + status + ".reason");
        }
        String classification = switch (status) {
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            // 501: the request used something HTTP allows and this server does not (a transfer encoding).
            default -> status >= 500 && status != 501 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
        String message = status >= 500 && status != 501 ? "the server could not answer (HTTP " + status + ")"
                : "HTTP " + status + (reason == null ? "" : ": " + reason);
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getOutputStream().write(GraphQlErrorBody.json(classification, message));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client went away; there is no one left to tell.
        }
    }
}
