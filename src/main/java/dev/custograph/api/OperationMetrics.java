package dev.custograph.api;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.Instrumentation;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Times each GraphQL request as {@code custograph.graphql} with the operation's name ({@code anonymous} without
 * one) and its outcome ({@code ok}, or {@code error} when the response carries errors). Callers choose operation
 * names, so only the first {@value #MAX_NAMES} distinct names get their own series; later ones count as
 * {@code other}. This replaces Spring's per-field observation, which cost a third of the throughput.
 */
final class OperationMetrics implements Instrumentation {

    static final int MAX_NAMES = 200;

    private final MeterRegistry meters;
    private final Set<String> names = ConcurrentHashMap.newKeySet();

    OperationMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** The operation's name as the document gives it, once graphql-java has picked the operation. */
    private static final class Named implements InstrumentationState {
        volatile String operation;
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new Named();
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        if (state instanceof Named named) {
            named.operation = parameters.getExecutionContext().getOperationDefinition().getName();
        }
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                                                                  InstrumentationState state) {
        long started = System.nanoTime();
        return SimpleInstrumentationContext.whenCompleted((result, failure) -> {
            String given = state instanceof Named named && named.operation != null ? named.operation
                    : parameters.getOperation();
            meters.timer("custograph.graphql", "operation", name(given), "outcome",
                            failure != null || (result != null && !result.getErrors().isEmpty()) ? "error" : "ok")
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        });
    }

    private String name(String operation) {
        if (operation == null || operation.isBlank()) {
            return "anonymous";
        }
        if (names.contains(operation) || (names.size() < MAX_NAMES && names.add(operation))) {
            return operation;
        }
        return "other";
    }
}
