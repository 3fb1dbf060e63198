package dev.custograph.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A recorded analytics run: when, as of which date, how many customers, and the fitted model parameters (null
 * when a model did not converge). {@code horizon} is in {@code timeUnit}s.
 */
public record AnalyticsRunSummary(String runId, LocalDate asOf, OffsetDateTime finishedAt, long customers,
                                  String timeUnit, double horizon, Double r, Double alpha, Double a, Double b,
                                  Double p, Double q, Double v) {
}
