package dev.custograph.api;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.custograph.graph.Deadline;
import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.micrometer.context.ContextRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Each GraphQL request's time budget (custograph.api.request-timeout, 30 s by default). Past it, the request stops in
 * two places at once, and answers with an error classified TIMEOUT:
 * <ul>
 *   <li>in the database: every transaction opened for the request carries the time left as its Neo4j timeout
 *       ({@link Deadline}), so a slow statement or a lock wait ends and its transaction rolls back: a mutation that
 *       timed out changed nothing;</li>
 *   <li>in GraphQL: the execution is cancelled, so no further field is fetched.</li>
 * </ul>
 * The budget is set by a servlet filter around the request and carried to the threads the fetchers run on through
 * Micrometer's context propagation, which Spring for GraphQL applies to every data fetcher and batch loader.
 */
final class RequestBudget {

    /** Put into the GraphQL context when the budget ran out, so the fetchers' errors are worded as TIMEOUT. */
    static final String RAN_OUT = "custograph.budgetRanOut";

    private final Duration budget;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "custograph-request-budget");
        thread.setDaemon(true);
        return thread;
    });

    RequestBudget(Duration budget) {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("custograph.api.request-timeout must be positive, was " + budget);
        }
        this.budget = budget;
        ContextRegistry.getInstance().registerThreadLocalAccessor(Deadline.KEY, Deadline.THREAD_LOCAL);
    }

    Duration budget() {
        return budget;
    }

    /** The message of a TIMEOUT error. */
    String message() {
        return "the request ran past its time budget of " + budget.toSeconds() + " s and was stopped; nothing it "
                + "would have changed was written (ask for less at once, or try again later)";
    }

    /** Sets the deadline for everything the request does, and clears it when the request is done. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !request.getRequestURI().startsWith("/graphql");
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                Deadline.startBudget(budget);
                try {
                    chain.doFilter(request, response);
                } finally {
                    Deadline.clear();
                }
            }
        };
    }

    /** Cancels the execution when the budget runs out, and words the errors that cancelling left. */
    SimplePerformantInstrumentation instrumentation() {
        return new Cancelling();
    }

    void close() {
        timer.shutdownNow();
    }

    private static final class Timed implements InstrumentationState {
        volatile ScheduledFuture<?> cancel;
        volatile boolean ranOut;
    }

    private final class Cancelling extends SimplePerformantInstrumentation {
        @Override
        public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
            return new Timed();
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                                                                      InstrumentationState state) {
            Timed timed = (Timed) state;
            ExecutionInput input = parameters.getExecutionInput();
            Long deadline = Deadline.THREAD_LOCAL.get();
            long left = deadline == null ? budget.toNanos() : deadline - System.nanoTime();
            graphql.GraphQLContext context = parameters.getGraphQLContext();
            timed.cancel = timer.schedule(() -> {
                timed.ranOut = true;
                context.put(RAN_OUT, true);
                input.cancel();
            }, Math.max(0, left), TimeUnit.NANOSECONDS);
            return SimpleInstrumentationContext.whenCompleted((result, failure) -> timed.cancel.cancel(false));
        }

        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                            InstrumentationExecutionParameters parameters,
                                                                            InstrumentationState state) {
            Timed timed = (Timed) state;
            if (timed == null || !timed.ranOut) {
                return CompletableFuture.completedFuture(result);
            }
            List<GraphQLError> errors = result.getErrors().stream()
                    .map(error -> error.getErrorType() == ErrorType.ExecutionAborted ? timeout() : error)
                    .toList();
            return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(errors)));
        }

        private GraphQLError timeout() {
            return GraphqlErrorBuilder.newError().errorType(ApiErrors.TIMEOUT).message(message()).build();
        }
    }
}
