package dev.custograph.model;

import java.time.LocalDate;

/** A customer's churn probability from the latest churn run: no purchase in the {@code horizonDays} after asOf. */
public record ChurnRiskSnapshot(String customerId, double probability, int horizonDays, LocalDate asOf,
                                String runId) {
}
