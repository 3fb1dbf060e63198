package dev.custograph.api;

import java.time.LocalDate;
import java.util.List;

import dev.custograph.graph.Graph;
import dev.custograph.model.Order;
import dev.custograph.orders.OrderPlacement;
import dev.custograph.orders.OrderRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** placeOrder: an order placed through the API, idempotent by the caller's key. */
@Controller
class OrderMutationController {

    /** The {@code PlaceOrderInput} input. */
    record PlaceOrderInput(String idempotencyKey, String customerId, String orderId, LocalDate orderDate,
                           List<OrderRequest.Line> lines) {
    }

    /** The {@code PlaceOrderPayload} type. */
    record PlaceOrderPayload(Order order, boolean created) {
    }

    private final OrderPlacement placement;
    private final EntityCache entities;

    OrderMutationController(Graph graph, EntityCache entities, dev.custograph.model.ValueRules.DateWindow dates) {
        this.placement = new OrderPlacement(graph, dates);
        this.entities = entities;
    }

    @MutationMapping
    PlaceOrderPayload placeOrder(@Argument PlaceOrderInput input) {
        OrderPlacement.Placed placed = placement.place(new OrderRequest(input.idempotencyKey(), input.customerId(),
                input.orderId(), input.orderDate(), input.lines()));
        // The write emptied the caches (Graph's write listeners), so this reads the order as stored.
        return new PlaceOrderPayload(entities.order(placed.orderId()), placed.created());
    }
}
