package dev.custograph.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one {@code analyze} run, printed as JSON by {@code --json} and stored (as JSON) on its
 * {@code :AnalyticsRun}. {@code customers} counts the customers modelled (with a purchase up to {@code asOf});
 * {@code rfm} is customers per RFM segment; {@code holdout} is null without a calibration end. Times:
 * projection (reading the graph), models, the top-products query (which runs beside the other steps: seconds from
 * the start until it was ready), write-back, and the whole run. {@code warnings} say when the fitted models cannot
 * be trusted ({@link FitWarnings}); empty when they can.
 */
public record AnalyticsReport(String runId, LocalDate asOf, LocalDate calibrationEnd, String timeUnit,
                              double horizon, long customers, Descriptive descriptive, Map<String, Long> rfm,
                              BgNbdReport bgnbd, GammaGammaReport gammaGamma, ProbabilisticValue.Holdout holdout,
                              Ltv ltv, Correlations.Result correlation, Churn churn, double projectionSeconds,
                              double modelSeconds, double descriptiveQuerySeconds, double writeSeconds,
                              double seconds, List<String> warnings) {

    /** Counts, revenue, average order value, orders-per-customer distribution, revenue by month, top lists. */
    public record Descriptive(long customers, long customersWithPurchases, long activeCustomers, long orders,
                              double revenue, Double averageOrderValue, Map<String, Long> ordersPerCustomer,
                              List<Timeline.Month> revenueByMonth, List<Map<String, Object>> topCountries,
                              List<TopProduct> topProducts) {
    }

    /** One of the best-selling products by revenue up to the run's date. */
    public record TopProduct(String productId, String name, double revenue, long units, long lines) {
    }

    /** BG/NBD's fitted parameters (null if it did not converge, with the reason in {@code problem}). */
    public record BgNbdReport(Double r, Double alpha, Double a, Double b, Double logLikelihood, String timeUnit,
                              int customers, int evaluations, boolean converged, String problem) {
    }

    /** Gamma-Gamma's fitted parameters ({@code v} is the note's gamma). */
    public record GammaGammaReport(Double p, Double q, Double v, Double logLikelihood, int customers,
                                   int evaluations, boolean converged, String problem) {
    }

    public record SimpleLtv(String formula, Double averageOrderValue, Double purchasesPerYear, Double lifespanYears,
                            double margin, Double ltv) {
    }

    public record RetentionClv(Double annualRetentionRate, Double annualMarginPerCustomer, int years,
                               double discountRate, Double clv, Double clvInfiniteHorizon) {
    }

    public record Ltv(SimpleLtv simple, RetentionClv retention) {
    }

    public record Churn(List<Timeline.Churn> byMonth, List<Timeline.Cohort> cohorts) {
    }

    AnalyticsReport withTimes(double write, double total) {
        return new AnalyticsReport(runId, asOf, calibrationEnd, timeUnit, horizon, customers, descriptive, rfm, bgnbd,
                gammaGamma, holdout, ltv, correlation, churn, projectionSeconds, modelSeconds,
                descriptiveQuerySeconds, write, total, warnings);
    }

    static BgNbdReport bgNbd(ProbabilisticValue.Result value, ProbabilisticValue.TimeUnit unit) {
        MaximumLikelihood.Fit<BgNbd> fit = value.bgNbd();
        BgNbd m = fit.model();
        return new BgNbdReport(m == null ? null : m.r(), m == null ? null : m.alpha(), m == null ? null : m.a(),
                m == null ? null : m.b(), ValueAnalysis.finite(fit.logLikelihood()), unit.name().toLowerCase(),
                value.fittedCustomers(), fit.evaluations(), fit.converged(), fit.problem());
    }

    static GammaGammaReport gammaGamma(ProbabilisticValue.Result value) {
        MaximumLikelihood.Fit<GammaGamma> fit = value.gammaGamma();
        GammaGamma m = fit.model();
        return new GammaGammaReport(m == null ? null : m.p(), m == null ? null : m.q(), m == null ? null : m.v(),
                ValueAnalysis.finite(fit.logLikelihood()), value.repeatCustomers(), fit.evaluations(),
                fit.converged(), fit.problem());
    }
}
