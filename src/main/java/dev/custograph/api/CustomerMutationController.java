package dev.custograph.api;

import java.util.List;
import java.util.Map;

import dev.custograph.audit.Actor;
import dev.custograph.audit.AuditEntry;
import dev.custograph.audit.AuditLog;
import dev.custograph.customers.CustomerErasure;
import dev.custograph.customers.CustomerExport;
import dev.custograph.customers.CustomerProfiles;
import dev.custograph.graph.Graph;
import dev.custograph.identity.CustomerMerges;
import dev.custograph.model.Customer;
import graphql.GraphQLContext;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * The mutations that change who a customer is: upsert, merge and unmerge, erase (GDPR erasure) and export (GDPR
 * portability). Each is audited under the caller's key name; the caches drop what each changed when it commits
 * ({@link CacheInvalidation}), so the payload and every later read show the result.
 */
@Controller
class CustomerMutationController {

    record UpsertCustomerPayload(Customer customer, boolean created, List<String> changedFields) {
    }

    record MergeCustomersInput(String survivorId, String mergedId, String reason) {
    }

    record MergeCustomersPayload(String mergeId, Customer survivor, List<String> filledFields, long identitiesMoved,
                                 long ordersMoved) {
    }

    record UnmergeCustomersInput(String survivorId, String mergedId) {
    }

    record UnmergeCustomersPayload(String mergeId, Customer survivor, Customer restored, List<String> clearedFields,
                                   long ordersMoved) {
    }

    record EraseCustomerInput(String id, String reason) {
    }

    record EraseCustomerPayload(String erasedId, String pseudonym, List<String> removedFields, long ordersKept) {
    }

    record CustomerExportPayload(String customerId, String exportedAt, Map<String, Object> data) {
    }

    private final CustomerProfiles profiles;
    private final CustomerMerges merges;
    private final CustomerErasure erasure;
    private final CustomerExport export;
    private final AuditLog audit;
    private final EntityCache entities;

    CustomerMutationController(Graph graph, AuditLog audit, EntityCache entities,
                               dev.custograph.model.ValueRules.DateWindow dates) {
        this.profiles = new CustomerProfiles(graph, dates);
        this.merges = new CustomerMerges(graph);
        this.erasure = new CustomerErasure(graph);
        this.export = new CustomerExport(graph, audit);
        this.audit = audit;
        this.entities = entities;
    }

    @MutationMapping
    UpsertCustomerPayload upsertCustomer(@Argument Map<String, Object> input, GraphQLContext context) {
        Map<String, Object> changes = new java.util.HashMap<>(input);
        Object id = changes.remove("id");
        CustomerProfiles.Upserted upserted = profiles.upsert(id == null ? null : id.toString(), changes,
                actor(context));
        return new UpsertCustomerPayload(entities.customer(upserted.customerId()), upserted.created(),
                upserted.changedFields());
    }

    @MutationMapping
    MergeCustomersPayload mergeCustomers(@Argument MergeCustomersInput input, GraphQLContext context) {
        Actor actor = actor(context);
        String reason = input.reason() == null || input.reason().isBlank() ? "merged through the API by "
                + actor.name() : input.reason();
        CustomerMerges.MergeResult merged = merges.merge(input.survivorId(), input.mergedId(), reason);
        audit.record(AuditEntry.now(actor, "merge", List.of(merged.survivorId(), merged.mergedId()),
                merged.filledFields(), "mergeCustomers " + merged.mergeId()));
        return new MergeCustomersPayload(merged.mergeId(), entities.customer(merged.survivorId()),
                merged.filledFields(), merged.identitiesMoved(), merged.ordersMoved());
    }

    @MutationMapping
    UnmergeCustomersPayload unmergeCustomers(@Argument UnmergeCustomersInput input, GraphQLContext context) {
        CustomerMerges.UnmergeResult undone = merges.unmerge(input.survivorId(), input.mergedId());
        audit.record(AuditEntry.now(actor(context), "unmerge", List.of(undone.survivorId(), undone.restoredId()),
                undone.clearedFields(), "unmergeCustomers " + undone.mergeId()));
        return new UnmergeCustomersPayload(undone.mergeId(), entities.customer(undone.survivorId()),
                entities.customer(undone.restoredId()), undone.clearedFields(), undone.ordersMoved());
    }

    @MutationMapping
    EraseCustomerPayload eraseCustomer(@Argument EraseCustomerInput input, GraphQLContext context) {
        // Reads of the customer still waiting to be logged are written first, so the erasure pseudonymises them too.
        audit.flush();
        CustomerErasure.Erased erased = erasure.erase(input.id(), input.reason(), actor(context));
        return new EraseCustomerPayload(erased.customerId(), erased.pseudonym(), erased.removedFields(),
                erased.ordersKept());
    }

    @MutationMapping
    DataFetcherResult<CustomerExportPayload> exportCustomer(@Argument String id, GraphQLContext context,
                                                            DataFetchingEnvironment env) {
        return export.export(Ids.require(id, "id"), actor(context))
                .map(document -> DataFetcherResult.<CustomerExportPayload>newResult().data(new CustomerExportPayload(
                        (String) document.get("customerId"), (String) document.get("exportedAt"), document)).build())
                .orElseGet(() -> DataFetcherResult.<CustomerExportPayload>newResult().error(GraphqlErrorBuilder
                        .newError(env).message("no customer with id " + id).errorType(ErrorType.NOT_FOUND).build())
                        .build());
    }

    static Actor actor(GraphQLContext context) {
        FieldAccess.Access access = context.get(FieldAccess.Access.class);
        return access == null ? new Actor("unknown", "none")
                : new Actor(access.keyName(), access.role().name().toLowerCase());
    }
}
