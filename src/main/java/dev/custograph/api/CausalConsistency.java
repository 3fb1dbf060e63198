package dev.custograph.api;

import java.util.ArrayList;
import java.util.List;

import dev.custograph.graph.Graph;
import dev.custograph.graph.GraphUnavailableException;
import dev.custograph.graph.SharedChangeCounter;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Read-your-writes across app instances, for a client that asks for it with the {@code Custograph-Bookmark} header.
 *
 * <p>A client sends the header on each request: empty the first time, then the value the previous response gave.
 * Before the request runs, this instance waits until the database it reads from holds what the bookmarks name (a
 * lagging cluster member catches up first) and checks the cache change counter there, so cached values another
 * instance's write made stale are dropped. After the request, a write's cache change is published at once (not at
 * the next sync tick) and the response carries the bookmarks to send next. Clients that do not send the header see
 * each instance's own writes at once and other instances' within the cache sync interval.
 */
final class CausalConsistency implements WebGraphQlInterceptor {

    static final String HEADER = "Custograph-Bookmark";
    private static final int MAX_BOOKMARKS = 16;
    private static final int MAX_LENGTH = 4_096;

    private final Graph graph;
    private final SharedChangeCounter sync;

    CausalConsistency(Graph graph, SharedChangeCounter sync) {
        this.graph = graph;
        this.sync = sync;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        List<String> headers = request.getHeaders().get(HEADER);
        if (headers == null) {
            return chain.next(request);
        }
        List<String> bookmarks = new ArrayList<>();
        for (String header : headers) {
            for (String value : header.split(",")) {
                if (!value.isBlank()) {
                    bookmarks.add(value.strip());
                }
            }
        }
        if (bookmarks.size() > MAX_BOOKMARKS || String.join(",", bookmarks).length() > MAX_LENGTH) {
            return refuse(request, ErrorType.BAD_REQUEST, HEADER + ": at most " + MAX_BOOKMARKS + " bookmarks of "
                    + MAX_LENGTH + " characters in all; send only the value of the last response");
        }
        if (!bookmarks.isEmpty()) {
            try {
                sync.catchUpTo(bookmarks);
            } catch (IllegalArgumentException e) {
                return refuse(request, ErrorType.BAD_REQUEST, HEADER + ": "
                        + e.getMessage().replaceFirst(" \\(.*", "")
                        + "; send the value a response of this service gave, or an empty one");
            } catch (GraphUnavailableException e) {
                return refuse(request, ErrorType.INTERNAL_ERROR, "the database is unavailable; try again later");
            }
        }
        return chain.next(request).map(response -> {
            try {
                sync.flushNow();
            } catch (GraphUnavailableException e) {
                // The database went away after the request ran: the cache change is published at the next tick.
            }
            response.getResponseHeaders().set(HEADER, String.join(",", graph.bookmarks()));
            return response;
        });
    }

    private static Mono<WebGraphQlResponse> refuse(WebGraphQlRequest request, ErrorType type, String message) {
        ExecutionResult refused = ExecutionResult.newExecutionResult()
                .addError(GraphqlErrorBuilder.newError().errorType(type).message(message).build())
                .build();
        return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
                refused)));
    }
}
