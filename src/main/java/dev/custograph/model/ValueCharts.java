package dev.custograph.model;

import java.time.LocalDate;
import java.util.List;

/** What the dashboard's value charts plot, read from what the latest runs stored on customers. */
public final class ValueCharts {

    private ValueCharts() {
    }

    /** All customers, and those who bought within {@code activeDays} before the last order ({@code lastOrder}). */
    public record Activity(long customers, long active, int activeDays, LocalDate lastOrder) {
    }

    /** One cell of the recency x frequency grid: R and F scores (5 best), customers, their average monetary value. */
    public record RfmCell(int r, int f, long customers, double averageMonetary) {
    }

    /** One histogram bin: values in [from, to), the last bin closed; how many customers. */
    public record Bin(double from, double to, long customers) {
    }

    /** A histogram with the share of customers its last bin gathers above the plotted range. */
    public record Histogram(List<Bin> bins, long customers, double cappedAt, long aboveCap) {
    }

    /** One sampled customer's figures, for scatter plots; any figure may be null. */
    public record CustomerPoint(String customerId, String segmentId, String segmentName, Integer recencyDays,
                                Integer frequency, Double monetary, Integer tenureDays, Double averageOrderValue,
                                Double clv, Double pAlive, Double churnProbability) {
    }
}
