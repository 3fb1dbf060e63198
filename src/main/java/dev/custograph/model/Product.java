package dev.custograph.model;

/** A product ({@code :Product} node); {@code category} names its {@code :Category}, or is null. */
public record Product(String productId, String name, Double price, String category) {

    public Product {
        Customer.requireKey(productId, "productId");
    }
}
