package dev.custograph.orders;

import java.time.LocalDate;
import java.util.List;

/**
 * An order to place: who, which products, and the caller's idempotency key (the same key always means the same
 * order, however often the request is retried). orderId and orderDate may be left out (a new id; today);
 * a line's unitPrice may be left out (the product's list price).
 */
public record OrderRequest(String idempotencyKey, String customerId, String orderId, LocalDate orderDate,
                           List<Line> lines) {

    public record Line(String productId, Integer quantity, Double unitPrice, Double discount) {
    }
}
