package dev.custograph.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.custograph.graph.EntityReads;
import dev.custograph.model.Customer;
import dev.custograph.model.Order;
import dev.custograph.model.OrderLine;
import dev.custograph.model.Product;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Maps orders and their lines; every nested field is loaded for the whole batch of parents at once. */
@Controller
class OrderController {

    private final EntityReads reads;
    private final EntityCache cache;

    OrderController(EntityReads reads, EntityCache cache) {
        this.reads = reads;
        this.cache = cache;
    }

    @QueryMapping
    Order order(@Argument String id) {
        return cache.order(Ids.require(id, "id"));
    }

    @SchemaMapping(typeName = "Order", field = "id")
    String id(Order order) {
        return order.orderId();
    }

    @BatchMapping(typeName = "Order", field = "lines")
    Map<Order, List<OrderLine>> lines(List<Order> orders) {
        Map<String, List<OrderLine>> byId = cache.linesOfOrders(orders.stream().map(Order::orderId).toList());
        return orders.stream().distinct()
                .collect(Collectors.toMap(Function.identity(), o -> byId.get(o.orderId())));
    }

    @BatchMapping(typeName = "Order", field = "customer")
    Map<Order, Customer> customer(List<Order> orders) {
        Map<String, Customer> byId = cache.customers(orders.stream().map(Order::customerId)
                .filter(Objects::nonNull).toList());
        return orders.stream().distinct().filter(o -> byId.containsKey(o.customerId()))
                .collect(Collectors.toMap(Function.identity(), o -> byId.get(o.customerId())));
    }

    @SchemaMapping(typeName = "OrderLine", field = "id")
    String lineId(OrderLine line) {
        return line.lineId();
    }

    /** Rounded to cents for display; totals are summed from unrounded amounts. */
    @SchemaMapping(typeName = "OrderLine", field = "amount")
    double amount(OrderLine line) {
        return Math.round(line.amount() * 100) / 100.0;
    }

    @BatchMapping(typeName = "OrderLine", field = "product")
    Map<OrderLine, Product> product(List<OrderLine> lines) {
        Map<String, Product> byId = cache.products(lines.stream().map(OrderLine::productId).toList());
        return lines.stream().distinct().filter(l -> byId.containsKey(l.productId()))
                .collect(Collectors.toMap(Function.identity(), l -> byId.get(l.productId())));
    }
}
