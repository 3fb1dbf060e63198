package dev.custograph.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A recorded analytics run: when, as of which date, how many customers, the fitted model parameters (null
 * when a model did not converge) and what says they cannot be trusted ({@code warnings}, empty when nothing does).
 * {@code horizon} is in {@code timeUnit}s.
 */
public record AnalyticsRunSummary(String runId, LocalDate asOf, OffsetDateTime finishedAt, long customers,
                                  String timeUnit, double horizon, Double r, Double alpha, Double a, Double b,
                                  Double p, Double q, Double v, java.util.List<String> warnings) {

    public AnalyticsRunSummary {
        warnings = warnings == null ? java.util.List.of() : java.util.List.copyOf(warnings);
    }
}
