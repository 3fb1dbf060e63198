package dev.custograph.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.custograph.graph.ActionReads;
import dev.custograph.graph.EntityReads;
import dev.custograph.model.ActionCount;
import dev.custograph.model.Customer;
import dev.custograph.model.NextBestActionSnapshot;
import dev.custograph.model.Product;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Next best actions on the API: a customer's action, customers ranked by expected value, the counts per action. */
@Controller
class ActionController {

    private final AnalyticsCache analytics;
    private final EntityCache entities;
    private final ActionReads reads;

    ActionController(AnalyticsCache analytics, EntityCache entities, ActionReads reads) {
        this.analytics = analytics;
        this.entities = entities;
        this.reads = reads;
    }

    @BatchMapping(typeName = "Customer", field = "nextBestAction")
    Map<Customer, NextBestActionSnapshot> nextBestAction(List<Customer> customers) {
        Map<String, NextBestActionSnapshot> byId = analytics.nextBestActions(customers.stream()
                .map(Customer::customerId).toList());
        return customers.stream().distinct().filter(c -> byId.get(c.customerId()) != null)
                .collect(Collectors.toMap(Function.identity(), c -> byId.get(c.customerId())));
    }

    @BatchMapping(typeName = "NextBestAction", field = "product")
    Map<NextBestActionSnapshot, Product> product(List<NextBestActionSnapshot> actions) {
        Map<String, Product> products = entities.products(actions.stream().map(NextBestActionSnapshot::productId)
                .filter(java.util.Objects::nonNull).toList());
        return actions.stream().distinct().filter(a -> a.productId() != null && products.get(a.productId()) != null)
                .collect(Collectors.toMap(Function.identity(), a -> products.get(a.productId())));
    }

    @SchemaMapping(typeName = "NextBestAction", field = "decidedAt")
    String decidedAt(NextBestActionSnapshot action) {
        return action.decidedAt() == null ? null : action.decidedAt().toString();
    }

    @QueryMapping
    Connection<Customer> nextBestActions(@Argument String action, @Argument Integer first, @Argument String after,
                                         @Argument Integer last, @Argument String before,
                                         DataFetchingFieldSelectionSet selection) {
        if (action != null && !action.matches("[A-Z][A-Z0-9_]{0,39}")) {
            throw new BadRequestException("action: '" + action + "' is not an action id (capital letters, digits "
                    + "and _, e.g. WIN_BACK)");
        }
        PageRequest request = PageRequest.of(first, after, last, before,
                "NEXT_BEST_ACTION:" + (action == null ? "" : action));
        EntityReads.PageStart start = request.start();
        Double cursorValue = null;
        if (start.sortKey() != null) {
            try {
                cursorValue = Double.parseDouble(start.sortKey());
            } catch (NumberFormatException e) {
                throw new BadRequestException(request.paging().cursorArgument() + ": '" + request.paging().cursor()
                        + "' is not a cursor from this API");
            }
        }
        EntityReads.Page<String> ids = reads.page(action, cursorValue, start.id(), start.backward(), request.size());
        Map<String, Customer> customers = entities.customers(ids.rows().stream().map(EntityReads.Keyed::id).toList());
        List<EntityReads.Keyed<Customer>> rows = new ArrayList<>();
        for (EntityReads.Keyed<String> row : ids.rows()) {
            Customer c = customers.get(row.id());
            if (c != null) {
                rows.add(new EntityReads.Keyed<>(c, row.sortKey(), row.id()));
            }
        }
        Long total = selection.contains("totalCount") ? reads.count(action) : null;
        return request.connection(new EntityReads.Page<>(rows, ids.hasMore()), total);
    }

    @QueryMapping
    List<ActionCount> nextBestActionCounts() {
        return analytics.actionCounts();
    }
}
