package dev.custograph.analytics;

/** Receives each customer's results of a run, in customer id order (for example, a CSV export). */
@FunctionalInterface
public interface CustomerValueSink {
    void accept(CustomerValue value);
}
