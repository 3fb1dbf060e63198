package dev.custograph.api;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.custograph.model.Customer;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLObjectType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * Whole answers to the queries a customer's page asks again and again (a Customer 360, a product, a customer's
 * recommendations), kept as the JSON they were sent as, so asking the same thing again runs no resolver at all.
 *
 * <p>The entry caches below already spare the database; what is left of a cached Customer 360 is graphql-java walking
 * some hundreds of fields (ten orders, their lines, each line's product) and Jackson writing them, which holds a 2-core
 * server to a few hundred answers a second. This cache keeps the answer's JSON instead.
 *
 * <p>What it keeps and for how long:
 * <ul>
 *   <li>Only queries whose every root field is {@code customer}, {@code product} or {@code recommendations}, answered
 *       without an error. Lists, dashboards, jobs and the audit log change with every write and are always run.</li>
 *   <li>By the caller's role and the customer it acts for (what {@link FieldAccess} decides with), the query's text,
 *       its operation name and variables. The caller's own key is not part of it: two analysts see the same answer.
 *       The audit entry an answer's personal fields call for is written again for each caller that gets it.</li>
 *   <li>Each answer notes the customers it shows (the subjects of its root fields and every customer whose fields it
 *       read). An order or a profile change drops the answers that show that customer; a merge, an erasure, an
 *       analytics, rules or similarity run, a new recommendations snapshot and anything unknown drop them all
 *       ({@link CacheInvalidation}); other instances' writes as the entry caches learn them.</li>
 *   <li>An answer read while a write ran is not kept (the same versioning as {@link BulkCache}).</li>
 *   <li>At most {@code maximumChars} characters of JSON in all (about as many bytes), and no longer than the entry
 *       caches keep theirs.</li>
 * </ul>
 */
final class ResponseCache implements WebGraphQlInterceptor {

    /** The root fields whose answers are kept: each about one customer or one product. */
    static final Set<String> CACHEABLE_ROOTS = Set.of("customer", "product", "recommendations");

    private record Key(Object role, String actingFor, String document, String operationName,
                       Map<String, Object> variables) {
    }

    /** A kept answer: its JSON, the customers it shows, and the personal fields it read (for the audit log). */
    private record Entry(String json, Set<String> customers, FieldAccess.PersonalReads personalReads) {
    }

    private final Cache<Key, Entry> answers;
    private final boolean enabled;
    private final AtomicLong version = new AtomicLong();
    private final JsonMapper json;

    ResponseCache(long maximumChars, Duration expireAfterWrite, JsonMapper json, MeterRegistry meters) {
        this.json = json;
        this.enabled = maximumChars > 0;
        this.answers = Caffeine.newBuilder().maximumWeight(Math.max(0, maximumChars))
                // The key counts too: a request may carry large variables the query never uses.
                .weigher((Key key, Entry entry) -> entry.json().length() + key.document().length()
                        + String.valueOf(key.variables()).length())
                .expireAfterWrite(expireAfterWrite).recordStats().build();
        CaffeineCacheMetrics.monitor(meters, answers, "responses");
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!enabled) {
            return chain.next(request);
        }
        ExecutionInput input = request.toExecutionInput();
        FieldAccess.Access access = input.getGraphQLContext().get(FieldAccess.Access.class);
        FieldAccess.PersonalReads personalReads = input.getGraphQLContext().get(FieldAccess.PersonalReads.class);
        if (access == null || personalReads == null) {
            return chain.next(request); // no caller: the query is refused field by field, nothing worth keeping
        }
        Key key = new Key(access.role(), access.actingFor(), request.getDocument(), request.getOperationName(),
                request.getVariables());
        Entry kept = answers.getIfPresent(key);
        if (kept != null) {
            personalReads.addAll(kept.personalReads());
            ExecutionResult answer = ExecutionResult.newExecutionResult().data(new RawValue(kept.json())).build();
            return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(input, answer)));
        }
        Reading reading = new Reading();
        request.configureExecutionInput((given, builder) -> builder.graphQLContext(Map.of(Reading.class, reading))
                .build());
        long before = version.get();
        return chain.next(request).doOnNext(response -> {
            if (reading.cacheable && response.isValid() && response.getErrors().isEmpty()
                    && version.get() == before) {
                Entry entry = new Entry(json.writeValueAsString(response.getData()), Set.copyOf(reading.customers),
                        personalReads.copy());
                answers.put(key, entry);
                if (version.get() != before) {
                    answers.asMap().remove(key, entry); // a write came while it was being kept
                }
            }
        });
    }

    /** These customers ordered or changed: the answers that show them go. */
    void forgetCustomers(Collection<String> customerIds) {
        version.incrementAndGet();
        // A set: a stream's batch names hundreds of customers, and every kept answer is checked against them.
        java.util.Set<String> changed = customerIds instanceof java.util.Set<String> set ? set
                : new java.util.HashSet<>(customerIds);
        answers.asMap().values().removeIf(entry -> !Collections.disjoint(entry.customers(), changed));
    }

    /** Anything may have changed. */
    void invalidateAll() {
        version.incrementAndGet();
        answers.invalidateAll();
    }

    /** What one query ran into: whether its answer may be kept and the customers it shows. */
    static final class Reading {
        private final Set<String> customers = ConcurrentHashMap.newKeySet();
        private volatile boolean cacheable = true;
    }

    /**
     * Notes, as a query runs, each customer whose fields it reads and each root field outside
     * {@link #CACHEABLE_ROOTS}; it changes no fetcher.
     */
    static final class Dependencies implements Instrumentation {
        @Override
        public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> given,
                                                    InstrumentationFieldFetchParameters parameters,
                                                    InstrumentationState state) {
            DataFetchingEnvironment at = parameters.getEnvironment();
            Reading reading = at.getGraphQlContext().get(Reading.class);
            if (reading == null) {
                return given;
            }
            String type = at.getParentType() instanceof GraphQLObjectType object ? object.getName() : "";
            if (type.equals("Query") || type.equals("Mutation") || type.equals("Subscription")) {
                String field = at.getField().getName();
                if (!type.equals("Query") || !CACHEABLE_ROOTS.contains(field)) {
                    reading.cacheable = false;
                } else if (at.getArgument(field.equals("recommendations") ? "customerId" : "id")
                        instanceof String subject && !field.equals("product")) {
                    // A customer not there yet (null today) is shown too: its creation must drop the answer.
                    reading.customers.add(subject.strip());
                }
            } else if (at.getSource() instanceof Customer customer) {
                reading.customers.add(customer.customerId());
            }
            return given;
        }
    }
}
