package dev.custograph.analytics.churn;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What {@code churn} learnt: how many labelled customers (n) and churners (positives) at the cutoff, the final
 * logistic regression's coefficients on the standardised scale (per standard deviation) and in raw units (per day,
 * order, currency unit), and both models' metrics on the same hold-out customers.
 */
public record ChurnReport(String runId, LocalDate cutoff, int horizonDays, LocalDate scoredAsOf,
                          List<String> features, long n, long positives, String penalty, double lambda,
                          Map<String, Double> coefficients, Map<String, Double> rawCoefficients,
                          ClassificationMetrics metrics, ClassificationMetrics randomForest, Validation validation,
                          List<String> warnings, long scored, Map<String, Long> imputed, int iterations,
                          double seconds) {

    /** How the hold-out was made: a stratified random split, or an earlier cutoff (out of time). */
    public record Validation(String method, long trainCustomers, long testCustomers, Double testFraction,
                             LocalDate trainCutoff) {
    }
}
