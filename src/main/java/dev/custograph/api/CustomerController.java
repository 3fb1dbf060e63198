package dev.custograph.api;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.custograph.graph.EntityReads;
import dev.custograph.model.Customer;
import dev.custograph.model.Identity;
import dev.custograph.model.Order;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Maps the customer fields of the schema onto reads; nested lists are batched per request (no N+1). */
@Controller
class CustomerController {

    /** The {@code CustomerFilter} input. */
    record CustomerFilter(String country, String namePrefix, String segmentId, String email) {
    }

    private final EntityReads reads;
    private final EntityCache cache;
    private final CustomerFirstView firstView;

    /** The batch loaders of {@link #customer}: many {@code customer(id:)} aliases in one request make one read. */
    private static final String CUSTOMERS = "customers";
    private static final String CUSTOMER_PAGES = "customerPages";

    CustomerController(EntityReads reads, EntityCache cache, CustomerFirstView firstView,
                       BatchLoaderRegistry loaders) {
        this.reads = reads;
        this.cache = cache;
        this.firstView = firstView;
        loaders.<String, Customer>forName(CUSTOMERS)
                .registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> cache.customers(ids)));
        loaders.<String, Customer>forName(CUSTOMER_PAGES)
                .registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> firstView.customers(ids)));
    }

    @QueryMapping
    CompletableFuture<Customer> customer(@Argument String id, DataFetchingFieldSelectionSet selection,
                                         DataFetchingEnvironment env) {
        String customerId = Ids.require(id, "id");
        boolean profile = CustomerFirstView.PROFILE_FIELDS.stream().anyMatch(selection::contains);
        DataLoader<String, Customer> loader = env.getDataLoader(profile ? CUSTOMER_PAGES : CUSTOMERS);
        return loader.load(customerId);
    }

    @QueryMapping
    Connection<Customer> customers(@Argument Integer first, @Argument String after, @Argument Integer last,
                                   @Argument String before, @Argument CustomerFilter filter,
                                   @Argument String orderBy, DataFetchingFieldSelectionSet selection,
                                   DataFetchingEnvironment env) {
        PageRequest request = PageRequest.of(first, after, last, before, orderBy);
        String email = filter == null ? null : filter.email();
        if (email != null) {
            FieldAccess.requireAdmin(env, "filter.email");
        }
        String country = filter == null ? null : filter.country();
        String namePrefix = filter == null ? null : filter.namePrefix();
        String segmentId = filter == null ? null : filter.segmentId();
        EntityReads.Page<Customer> page = reads.customerPage(country, namePrefix, segmentId, email, orderBy,
                request.start(), request.size());
        Long total = selection.contains("totalCount") ? reads.customerCount(country, namePrefix, segmentId, email) : null;
        return request.connection(page, total);
    }

    @SchemaMapping(typeName = "Customer", field = "id")
    String id(Customer customer) {
        return customer.customerId();
    }

    @SchemaMapping(typeName = "Customer", field = "orderHistory")
    Connection<Order> orderHistory(Customer customer, @Argument Integer first, @Argument String after,
                                   @Argument Integer last, @Argument String before,
                                   DataFetchingFieldSelectionSet selection) {
        PageRequest request = PageRequest.of(first, after, last, before, "DATE_DESC");
        EntityReads.Page<Order> page = cache.orderHistory(customer.customerId(), request.start(), request.size(),
                selection.contains("edges/node/lines"));
        Long total = selection.contains("totalCount") ? reads.orderCount(customer.customerId()) : null;
        return request.connection(page, total);
    }

    @BatchMapping(typeName = "Customer", field = "identities")
    Map<Customer, List<Identity>> identities(List<Customer> customers) {
        Map<String, List<Identity>> byId = reads.identitiesOf(customers.stream().map(Customer::customerId).toList());
        return customers.stream().distinct()
                .collect(Collectors.toMap(Function.identity(), c -> byId.get(c.customerId())));
    }

    @BatchMapping(typeName = "Customer", field = "orders")
    Map<Customer, List<Order>> orders(List<Customer> customers) {
        Map<String, List<Order>> byId = reads.ordersOfCustomers(customers.stream().map(Customer::customerId).toList());
        return customers.stream().distinct()
                .collect(Collectors.toMap(Function.identity(), c -> byId.get(c.customerId())));
    }
}
