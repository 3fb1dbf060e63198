package dev.custograph.api;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.custograph.graph.GraphUnavailableException;
import dev.custograph.model.InvalidParameterException;
import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Turns failures into classified GraphQL errors, so a client can tell "fix your request" from "our fault":
 * {@link BadRequestException} and graphql-java's own validation and syntax errors become BAD_REQUEST; work stopped at
 * the request's time budget, TIMEOUT; a database that cannot be reached, and anything unexpected, INTERNAL_ERROR with
 * a short message and no stack trace (the details go to the server log).
 */
final class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    /** A request stopped at its time budget (RequestBudget): neither the client's fault nor a bug. */
    static final ErrorClassification TIMEOUT = ErrorClassification.errorClassification("TIMEOUT");

    private ApiErrors() {
    }

    /**
     * Builds what a request asked for; a parameter the domain refuses becomes BAD_REQUEST, the field named as this
     * API names it: {@code prefix} and the domain's name ({@code input.minSupport}).
     */
    static <T> T checked(Supplier<T> build, String prefix) {
        try {
            return build.get();
        } catch (InvalidParameterException e) {
            throw new BadRequestException(e.worded(field -> prefix + field));
        }
    }

    /** Resolves exceptions thrown while fetching a field. */
    static final class ExceptionResolver extends DataFetcherExceptionResolverAdapter {
        private final RequestBudget budget;

        ExceptionResolver(RequestBudget budget) {
            this.budget = budget;
        }

        @Override
        protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
            // An argument the domain refuses, named as the domain names it: an argument of the same name.
            if (ex instanceof BadRequestException || ex instanceof InvalidParameterException) {
                return error(env, org.springframework.graphql.execution.ErrorType.BAD_REQUEST, ex.getMessage());
            }
            if (ex instanceof dev.custograph.orders.OrderRejectedException
                    || ex instanceof dev.custograph.customers.CustomerChangeRejectedException
                    || ex instanceof dev.custograph.identity.MergeFailedException) {
                return error(env, org.springframework.graphql.execution.ErrorType.BAD_REQUEST, ex.getMessage());
            }
            if (ex instanceof FieldAccess.Denied) {
                return error(env, org.springframework.graphql.execution.ErrorType.FORBIDDEN, ex.getMessage());
            }
            if (ex instanceof dev.custograph.graph.RequestTimedOutException
                    || Boolean.TRUE.equals(env.getGraphQlContext().get(RequestBudget.RAN_OUT))) {
                log.warn("Request stopped at its time budget while fetching {}", env.getExecutionStepInfo().getPath());
                return error(env, TIMEOUT, budget.message());
            }
            if (ex instanceof GraphUnavailableException) {
                log.error("Database unavailable while fetching {}", env.getExecutionStepInfo().getPath(), ex);
                return error(env, org.springframework.graphql.execution.ErrorType.INTERNAL_ERROR,
                        "the database is unavailable; try again later");
            }
            return null; // Spring's default: INTERNAL_ERROR, message without internals, exception logged.
        }

        private static GraphQLError error(DataFetchingEnvironment env, ErrorClassification type, String message) {
            return GraphqlErrorBuilder.newError(env).errorType(type).message(message).build();
        }
    }

    /**
     * Reclassifies request errors that graphql-java raises before any field runs (wrong argument type, unknown
     * field, bad syntax, a query too deep or too complex) as BAD_REQUEST, keeping graphql-java's own kind in {@code extensions.kind}.
     */
    static final class RequestErrorInterceptor implements WebGraphQlInterceptor {
        @Override
        public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
            return chain.next(request).map(response -> {
                List<GraphQLError> errors = response.getExecutionResult().getErrors();
                if (errors.stream().noneMatch(RequestErrorInterceptor::isRequestError)) {
                    return response;
                }
                return response.transform(builder -> builder.errors(errors.stream()
                        .map(error -> isRequestError(error) ? reclassify(error) : error).toList()));
            });
        }

        private static boolean isRequestError(GraphQLError error) {
            // ExecutionAborted: a query over the depth or complexity limit (QueryLimits), refused before it runs.
            // IntrospectionDisabled: a __schema query in the prod profile.
            return error.getErrorType() == ErrorType.ValidationError || error.getErrorType() == ErrorType.InvalidSyntax
                    || error.getErrorType() == ErrorType.ExecutionAborted
                    || "IntrospectionDisabled".equals(String.valueOf(error.getErrorType()));
        }

        private static GraphQLError reclassify(GraphQLError error) {
            return GraphqlErrorBuilder.newError()
                    .message(error.getMessage())
                    .locations(error.getLocations())
                    .errorType(org.springframework.graphql.execution.ErrorType.BAD_REQUEST)
                    .extensions(Map.of("kind", error.getErrorType().toString()))
                    .build();
        }
    }
}
