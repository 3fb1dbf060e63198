package dev.custograph.api;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.custograph.audit.Actor;
import dev.custograph.audit.AuditEntry;
import dev.custograph.audit.AuditLog;
import dev.custograph.model.Customer;
import dev.custograph.security.ApiKeys;
import dev.custograph.security.CustomerSignatures;
import dev.custograph.security.Role;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLObjectType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import reactor.core.publisher.Mono;

/**
 * What each role may read, decided field by field as the query runs (docs/security.md):
 * <ul>
 *   <li>admin: everything;</li>
 *   <li>analyst: everything, with a customer's email ({@code j***@example.com}), phone (last two digits), contact
 *       name, address and postal code masked, and no birth date;</li>
 *   <li>app: products, product, frequentlyBoughtTogether, and the one customer it acts for (header
 *       {@code X-Customer-Id}) with that customer's own fields and recommendations; never another customer.</li>
 * </ul>
 * A field refused gives null and a FORBIDDEN error naming it; the rest of the query still answers.
 */
final class FieldAccess implements Instrumentation {

    /** The header an app key names its customer with. */
    static final String ACTING_FOR_HEADER = "X-Customer-Id";
    static final String SIGNATURE_HEADER = "X-Customer-Signature";

    /** Who is asking, put into each request's GraphQL context by {@link Interceptor}. */
    record Access(Role role, String keyName, String actingFor, String signatureProblem) {
        Access(Role role, String keyName, String actingFor) {
            this(role, keyName, actingFor, null);
        }
    }

    /** A field the caller's role may not read. */
    static final class Denied extends RuntimeException {
        Denied(String message) {
            super(message);
        }
    }

    private static final Set<String> MASKED = Set.of("email", "phone", "contactName", "address", "postalCode",
            "birthDate");
    /** The customer fields whose reads the audit log records (names are personal data for people, not companies). */
    private static final Set<String> PERSONAL = Set.of("name", "email", "phone", "contactName", "address",
            "postalCode", "birthDate", "identities");
    /** Fields only an admin reads: source ids with unmasked contact data, and the audit log. */
    private static final Set<String> ADMIN_ONLY = Set.of("Customer.identities", "Query.auditLog");
    private static final Set<String> APP_QUERIES = Set.of("product", "products", "frequentlyBoughtTogether");

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> given, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        DataFetchingEnvironment at = parameters.getEnvironment();
        String type = at.getParentType() instanceof GraphQLObjectType object ? object.getName() : "";
        String field = at.getField().getName();
        if (type.startsWith("__") || field.startsWith("__")) {
            return given;
        }
        DataFetcher<?> fetcher = type.equals("Customer") && PERSONAL.contains(field) ? audited(field, given)
                : type.equals("Query") && field.equals("careList") ? careList(given) : given;
        return env -> {
            Access access = env.getGraphQlContext().get(Access.class);
            Role role = access == null ? null : access.role();
            if (role == Role.ADMIN) {
                return fetcher.get(env);
            }
            if (type.equals("Mutation")) {
                throw new Denied(role == null ? "an API key is needed to change anything"
                        : "the " + role.name().toLowerCase() + " role may not change anything (" + field
                        + " needs an admin key)");
            }
            if (role == Role.ANALYST && !ADMIN_ONLY.contains(type + "." + field)) {
                Object value = fetcher.get(env);
                return type.equals("Customer") && MASKED.contains(field) ? mask(field, value) : value;
            }
            if (role == Role.APP && appMay(type, field, env, access.actingFor())) {
                return fetcher.get(env);
            }
            if (role == Role.WIDGET && widgetMay(type, field, env, access.actingFor())) {
                return fetcher.get(env);
            }
            if (role == Role.WIDGET) {
                throw new Denied("the widget role may not read " + type + "." + field + " (a widget key reads products "
                        + "and the recommendations of the customer named by " + ACTING_FOR_HEADER + " with a valid "
                        + SIGNATURE_HEADER + (access.signatureProblem() == null ? ""
                        : "; " + access.signatureProblem()) + ")");
            }
            throw new Denied(role == null ? "an API key is needed to read " + type + "." + field
                    : "the " + role.name().toLowerCase() + " role may not read " + type + "." + field
                    + (role == Role.APP ? " (an app key reads products and the one customer named by "
                    + ACTING_FOR_HEADER + ")" : ""));
        };
    }

    /** Refuses an argument that would look people up by personal data, unless the caller holds an admin key. */
    static void requireAdmin(DataFetchingEnvironment env, String argument) {
        Access access = env.getGraphQlContext().get(Access.class);
        if (access == null || access.role() != Role.ADMIN) {
            throw new Denied(argument + ": searching by personal data needs an admin key");
        }
    }

    /**
     * A widget key may be copied from a public page: products, and the recommendations (with their reasons, not the
     * customers behind them) of the one customer whose signed id came with the request. No customer field at all.
     */
    private static boolean widgetMay(String type, String field, DataFetchingEnvironment env, String signedFor) {
        return switch (type) {
            case "Query" -> APP_QUERIES.contains(field)
                    || (field.equals("recommendations") && signedFor != null
                    && Objects.equals(env.getArgument("customerId"), signedFor))
                    || (isNodeQuery(field) && nodeIds(env).stream().allMatch(id -> appMayFetch(id, null)));
            case "Recommendation", "Product", "Category", "BoughtTogether", "ProductConnection", "ProductEdge",
                 "PageInfo" -> true;
            case "RecommendationReason" -> !field.equals("customers");
            default -> false;
        };
    }

    private static boolean appMay(String type, String field, DataFetchingEnvironment env, String actingFor) {
        return switch (type) {
            case "Query" -> APP_QUERIES.contains(field)
                    || (field.equals("customer") && Objects.equals(env.getArgument("id"), actingFor))
                    || (isNodeQuery(field) && nodeIds(env).stream().allMatch(id -> appMayFetch(id, actingFor)))
                    || (field.equals("recommendations") && Objects.equals(env.getArgument("customerId"), actingFor));
            case "Customer" -> env.getSource() instanceof Customer c && c.customerId().equals(actingFor)
                    && !field.equals("similarCustomers") && !field.equals("identities");
            case "RecommendationReason" -> !field.equals("customers");
            case "Segment" -> !field.equals("members");
            default -> true;
        };
    }

    private static boolean isNodeQuery(String field) {
        return field.equals("node") || field.equals("nodes");
    }

    /** The global ids a node or nodes query asks for. */
    private static java.util.List<Object> nodeIds(DataFetchingEnvironment env) {
        Object ids = env.getField().getName().equals("node") ? java.util.List.of(env.<Object>getArgument("id"))
                : env.<Object>getArgument("ids");
        return ids instanceof java.util.List<?> list ? java.util.List.copyOf(list) : java.util.List.of();
    }

    /**
     * True for a product's global id, or the global id of the customer {@code actingFor} (null: none): what an app or
     * widget key may fetch by node(id:), as by its own queries.
     */
    private static boolean appMayFetch(Object id, String actingFor) {
        GlobalId parsed = id instanceof String text ? GlobalId.tryParse(text) : null;
        return parsed != null && (parsed.type().equals("Product")
                || (actingFor != null && parsed.type().equals("Customer") && parsed.key().equals(actingFor)));
    }

    /**
     * A birthday list is made of birth dates (the day of the birthday, the age turned): it is read as each listed
     * customer's birthDate, audited as such, and an analyst, who never sees a birth date, may not have it at all
     * (a daily list one day wide would otherwise spell each birthday out).
     */
    private static DataFetcher<?> careList(DataFetcher<?> fetcher) {
        return env -> {
            Object kind = env.getArgument("kind");
            boolean birthdays = kind != null && "BIRTHDAYS".equals(kind.toString().strip()
                    .toUpperCase(java.util.Locale.ROOT));
            Access access = env.getGraphQlContext().get(Access.class);
            if (birthdays && access != null && access.role() == Role.ANALYST) {
                throw new Denied("careList(kind: BIRTHDAYS) lists birth dates, which the analyst role does not see");
            }
            Object value = fetcher.get(env);
            PersonalReads reads = env.getGraphQlContext().get(PersonalReads.class);
            if (birthdays && reads != null && value instanceof java.util.List<?> entries) {
                for (Object entry : entries) {
                    if (entry instanceof dev.custograph.care.CareLists.Entry listed) {
                        reads.add(listed.customerId(), "birthDate", env.getOperationDefinition().getName());
                    }
                }
            }
            return value;
        };
    }

    /** Notes in the request's {@link PersonalReads} that this customer's personal field was read. */
    private static DataFetcher<?> audited(String field, DataFetcher<?> fetcher) {
        return env -> {
            Object value = fetcher.get(env);
            PersonalReads reads = env.getGraphQlContext().get(PersonalReads.class);
            if (reads != null && env.getSource() instanceof Customer customer) {
                reads.add(customer.customerId(), field, env.getOperationDefinition().getName());
            }
            return value;
        };
    }

    /** The personal fields of one request's customers, written to the audit log when the request ends. */
    static final class PersonalReads {
        private final Set<String> customerIds = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final Set<String> fields = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private volatile String operation;

        void add(String customerId, String field, String operationName) {
            customerIds.add(customerId);
            fields.add(field);
            operation = operationName;
        }

        /** What this request read so far, kept with a cached answer (see {@link ResponseCache}). */
        PersonalReads copy() {
            PersonalReads copy = new PersonalReads();
            copy.customerIds.addAll(customerIds);
            copy.fields.addAll(fields);
            copy.operation = operation;
            return copy;
        }

        /** A cached answer's reads, which its new caller makes again. */
        void addAll(PersonalReads answered) {
            customerIds.addAll(answered.customerIds);
            fields.addAll(answered.fields);
            if (answered.operation != null) {
                operation = answered.operation;
            }
        }

        void writeTo(AuditLog audit, Access access) {
            if (!customerIds.isEmpty()) {
                audit.recordLater(AuditEntry.now(new Actor(access.keyName(), access.role().name().toLowerCase()),
                        "read", new java.util.TreeSet<>(customerIds).stream().toList(),
                        new java.util.TreeSet<>(fields).stream().toList(),
                        operation == null ? "query" : "query " + operation));
            }
        }
    }

    /** j***@example.com; ***42; *** for the rest. */
    static Object mask(String field, Object value) {
        if (field.equals("birthDate")) {
            return null; // a date has no masked form that keeps it a date; an analyst does not see it
        }
        if (!(value instanceof String text) || text.isEmpty()) {
            return value;
        }
        return switch (field) {
            case "email" -> {
                int at = text.indexOf('@');
                yield at <= 0 ? "***" : text.charAt(0) + "***" + text.substring(at);
            }
            case "phone" -> {
                String digits = text.replaceAll("\\D", "");
                yield digits.length() <= 2 ? "***" : "***" + digits.substring(digits.length() - 2);
            }
            default -> "***";
        };
    }

    /** Puts the caller's role, key name and the customer an app acts for into the GraphQL context. */
    static final class Interceptor implements WebGraphQlInterceptor {
        private final AuditLog audit;

        Interceptor(AuditLog audit) {
            this.audit = audit;
        }

        @Override
        public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof ApiKeys.Holder holder) {
                String actingFor = request.getHeaders().getFirst(ACTING_FOR_HEADER);
                String signatureProblem = null;
                if (holder.role() == Role.WIDGET) {
                    CustomerSignatures.Check check = holder.signatures().check(actingFor,
                            request.getHeaders().getFirst(SIGNATURE_HEADER), java.time.Instant.now());
                    if (!check.valid()) {
                        actingFor = null; // a widget key acts only for a customer the shop signed, for now
                        signatureProblem = check.problem();
                    }
                }
                Access access = new Access(holder.role(), holder.name(), actingFor, signatureProblem);
                PersonalReads reads = new PersonalReads();
                request.configureExecutionInput((input, builder) ->
                        builder.graphQLContext(Map.of(Access.class, access, PersonalReads.class, reads)).build());
                return chain.next(request).doOnNext(response -> reads.writeTo(audit, access));
            }
            return chain.next(request);
        }
    }
}
