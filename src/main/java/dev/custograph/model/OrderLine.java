package dev.custograph.model;

/**
 * One line of an order: the {@code CONTAINS} relationship from the order to the product. {@code discount} is a
 * fraction (0.15 = 15 % off), as in Northwind's order details.
 */
public record OrderLine(String orderId, String lineId, String productId, long quantity, double unitPrice,
                        double discount) {

    public OrderLine {
        Customer.requireKey(orderId, "orderId");
        Customer.requireKey(lineId, "lineId");
        Customer.requireKey(productId, "productId");
    }

    /** What the customer paid for this line: unitPrice x quantity x (1 - discount). */
    public double amount() {
        return unitPrice * quantity * (1 - discount);
    }
}
