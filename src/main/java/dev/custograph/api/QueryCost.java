package dev.custograph.api;

import java.util.HashMap;
import java.util.Map;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.ExecutionResult;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * What a query costs before it runs, so that the answer's size is bounded, not just the query's text. Two limits:
 *
 * <ul>
 *   <li><b>Cost</b> (custograph.api.max-query-cost): a field costs 1 plus, for a list, its size times the cost of
 *       what each element selects (for other fields, plus the cost of what they select). A list's size is its
 *       {@code first} argument (at most {@link PageRequest#MAX_PAGE_SIZE}); a list without one counts the
 *       {@code @listSize(assumedSize:)} schema.graphqls gives it, else {@link #DEFAULT_LIST_SIZE}; a connection's
 *       {@code edges} count once, as their connection's {@code first} already multiplied them. This is the cost
 *       model of IBM's GraphQL cost directives, in the small: five nested {@code similarCustomers(first: 100)} cost
 *       10^10 and are refused, while a page of 100 customers with a dozen fields costs about 1,300.</li>
 *   <li><b>Fields</b> (custograph.api.max-query-fields): every field selection counts one, {@code __typename} and
 *       aliases included and fragments expanded where they are spread (graphql-java's complexity count leaves
 *       {@code __typename} out, so 1,001 aliases of it passed).</li>
 * </ul>
 * A query over either limit is refused as BAD_REQUEST before any field runs.
 */
final class QueryCost {

    /** The size assumed for a list field that has neither a first argument nor a @listSize. */
    static final int DEFAULT_LIST_SIZE = 10;

    private QueryCost() {
    }

    /** The cost limit, with graphql-java's traversal and this cost model. */
    static MaxQueryComplexityInstrumentation costLimit(int maxCost) {
        return new MaxQueryComplexityInstrumentation(maxCost, new ListSizeCost()) {
            @Override
            protected AbortExecutionException mkAbortException(int cost, int limit) {
                return new AbortExecutionException("the query's cost is " + cost + ", over the limit of " + limit
                        + ": each list multiplies what it selects by its size (first, or the list's assumed size);"
                        + " ask for smaller pages or fewer nested lists");
            }
        };
    }

    /** The limit on field selections, aliases and __typename included. */
    static SimplePerformantInstrumentation fieldLimit(int maxFields) {
        return new FieldCount(maxFields);
    }

    private static final class ListSizeCost implements FieldComplexityCalculator {
        @Override
        public int calculate(FieldComplexityEnvironment env, int childCost) {
            GraphQLFieldDefinition field = env.getFieldDefinition();
            GraphQLType type = GraphQLTypeUtil.unwrapNonNull(field.getType());
            long size = 1;
            Object first = env.getArguments().get("first");
            Object last = env.getArguments().get("last");
            Object asked = first != null ? first : last;
            if (env.getArguments().get("ids") instanceof java.util.List<?> ids && type instanceof GraphQLList) {
                size = ids.size();
            } else if (asked instanceof Number n) {
                size = Math.max(0, Math.min(n.longValue(), PageRequest.MAX_PAGE_SIZE));
            } else if (type instanceof GraphQLNamedType named && named.getName().endsWith("Connection")) {
                size = Paging.DEFAULT_SIZE;
            } else if (type instanceof GraphQLList && !isConnectionEdges(env)) {
                GraphQLAppliedDirective listSize = field.getAppliedDirective("listSize");
                size = listSize == null ? DEFAULT_LIST_SIZE
                        : ((Number) listSize.getArgument("assumedSize").getValue()).longValue();
            }
            long cost = 1 + size * childCost;
            return (int) Math.min(Integer.MAX_VALUE / 2, cost);
        }

        private static boolean isConnectionEdges(FieldComplexityEnvironment env) {
            return env.getFieldDefinition().getName().equals("edges")
                    && env.getParentType().getName().endsWith("Connection");
        }
    }

    /** Counts every field selection of the operation, fragments expanded where spread (each fragment counted once). */
    private static final class FieldCount extends SimplePerformantInstrumentation {
        private final int maxFields;

        FieldCount(int maxFields) {
            this.maxFields = maxFields;
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
            ExecutionContext context = parameters.getExecutionContext();
            long fields = count(context.getOperationDefinition().getSelectionSet(), context.getFragmentsByName(),
                    new HashMap<>());
            if (fields > maxFields) {
                throw new AbortExecutionException("the query selects " + fields + " fields (aliases and __typename "
                        + "included, fragments counted where they are spread), over the limit of " + maxFields);
            }
            return SimpleInstrumentationContext.noOp();
        }

        private static long count(SelectionSet set, Map<String, FragmentDefinition> fragments, Map<String, Long> memo) {
            if (set == null) {
                return 0;
            }
            long total = 0;
            for (Selection<?> selection : set.getSelections()) {
                if (selection instanceof Field field) {
                    total += 1 + count(field.getSelectionSet(), fragments, memo);
                } else if (selection instanceof InlineFragment inline) {
                    total += count(inline.getSelectionSet(), fragments, memo);
                } else if (selection instanceof FragmentSpread spread) {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    if (fragment != null) {
                        // Validation has refused cycles already; the memo keeps a fragment bomb linear to count.
                        Long known = memo.get(spread.getName());
                        if (known == null) {
                            known = count(fragment.getSelectionSet(), fragments, memo);
                            memo.put(spread.getName(), known);
                        }
                        total += known;
                    }
                }
                if (total > Integer.MAX_VALUE) {
                    return total;
                }
            }
            return total;
        }
    }
}
