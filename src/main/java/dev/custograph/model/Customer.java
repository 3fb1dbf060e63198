package dev.custograph.model;

import java.time.LocalDate;

/**
 * A customer as stored on a {@code :Customer} node. Only {@code customerId} is required; a source fills what it
 * knows. For business customers (Northwind) {@code name} is the company and {@code contactName} the person.
 */
public record Customer(String customerId, String name, String contactName, String email, String phone,
                       String address, String city, String postalCode, String region, String country,
                       LocalDate registeredAt, LocalDate birthDate) {

    public Customer {
        requireKey(customerId, "customerId");
    }

    static void requireKey(String key, String field) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
    }
}
