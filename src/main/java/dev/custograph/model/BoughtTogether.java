package dev.custograph.model;

/** A product bought together with another, by a rule of the latest rules run: {other} -> {this product}. */
public record BoughtTogether(String productId, double support, double confidence, double lift, long count) {
}
