package dev.custograph.model;

import java.util.List;

/**
 * A whole, validated batch of data ready to be written: what an import or the demo generator produces. Lines carry
 * their order's id; every product and customer they reference is in the dataset or already in the graph.
 */
public record Dataset(List<Category> categories, List<Product> products, List<Customer> customers,
                      List<Order> orders, List<OrderLine> lines) {

    public Dataset {
        categories = List.copyOf(categories);
        products = List.copyOf(products);
        customers = List.copyOf(customers);
        orders = List.copyOf(orders);
        lines = List.copyOf(lines);
    }
}
