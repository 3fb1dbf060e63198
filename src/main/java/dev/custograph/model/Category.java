package dev.custograph.model;

/** A product category ({@code :Category} node), keyed by its name. */
public record Category(String name, String description) {

    public Category {
        Customer.requireKey(name, "category name");
    }
}
