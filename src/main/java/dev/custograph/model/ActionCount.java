package dev.custograph.model;

/** How many customers the latest actions run gave one action, and their summed expected value and uplift. */
public record ActionCount(String action, String label, long customers, double expectedValue, double uplift) {
}
