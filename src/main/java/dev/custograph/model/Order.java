package dev.custograph.model;

import java.time.LocalDate;

/**
 * An order ({@code :Order} node). {@code customerId} is null for an anonymous order. {@code total} is the sum of its
 * lines' {@link OrderLine#amount()}: goods only, no freight or tax.
 */
public record Order(String orderId, String customerId, LocalDate orderDate, String status, double total) {

    public static final String COMPLETED = "completed";

    public Order {
        Customer.requireKey(orderId, "orderId");
        if (orderDate == null) {
            throw new IllegalArgumentException("orderDate must not be empty");
        }
    }
}
