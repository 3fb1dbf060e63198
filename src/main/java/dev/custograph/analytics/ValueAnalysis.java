package dev.custograph.analytics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.custograph.analytics.ProbabilisticValue.TimeUnit;
import dev.custograph.graph.CustomerHistories;
import dev.custograph.graph.Graph;
import dev.custograph.graph.GraphChange;
import dev.custograph.graph.RunRecord;
import dev.custograph.model.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One analytics run, point in time: project every customer's purchases up to the as-of date out of the graph
 * (orders after it are ignored, so a past as-of date reproduces what the models would have said then), compute
 * descriptive statistics, correlations, RFM, the simple, retention-based and probabilistic lifetime values, CHAF,
 * churn and cohort retention, write the per-customer results back onto the {@code :Customer} nodes and record an
 * {@code :AnalyticsRun}. Nothing is written when the inputs are wrong or {@code write} is false.
 */
public final class ValueAnalysis {

    /** What this run's writes announce: its kind's results changed. */
    private static final GraphChange WRITES = new GraphChange.RunWrote(GraphChange.RunKind.VALUE);

    private static final Logger log = LoggerFactory.getLogger(ValueAnalysis.class);

    /**
     * What a run is asked: {@code asOf} null means the last order date; {@code calibrationEnd} null means no
     * hold-out (the models are fitted on everything up to {@code asOf}); {@code horizon} in {@code timeUnit}s,
     * null for one year; {@code discountRate} annual; {@code margin} the share of revenue that is profit (1 = value
     * in revenue); a customer is active if they bought in the last {@code activeDays}.
     */
    public record Parameters(LocalDate asOf, LocalDate calibrationEnd, TimeUnit timeUnit, Double horizon,
                             double discountRate, double margin, int activeDays, boolean includeCancelled,
                             boolean write) {

        public static Parameters defaults() {
            return new Parameters(null, null, TimeUnit.WEEK, null, 0.10, 1.0, 90, false, true);
        }

        public Parameters {
            if (horizon != null && !(horizon > 0)) {
                throw new InvalidParameterException("horizon", "must be positive, got " + horizon);
            }
            if (!(margin > 0)) {
                throw new InvalidParameterException("margin", "must be positive, got " + margin);
            }
            if (!(discountRate >= 0)) {
                throw new InvalidParameterException("discountRate", "must not be negative, got " + discountRate);
            }
            if (activeDays <= 0) {
                throw new InvalidParameterException("activeDays", "must be positive, got " + activeDays);
            }
        }

        double horizonUnits() {
            return horizon != null ? horizon : timeUnit == TimeUnit.WEEK ? 52 : 365;
        }
    }

    private final Graph graph;

    public ValueAnalysis(Graph graph) {
        this.graph = graph;
    }

    /** Runs the analysis; per-customer results go to {@code perCustomer} (e.g. a CSV export), may be null. */
    public AnalyticsReport run(Parameters parameters, CustomerValueSink perCustomer) {
        long started = System.nanoTime();
        OffsetDateTime startedAt = OffsetDateTime.now();
        OrderDates orderDates = OrderDates.of(graph);
        LocalDate firstOrder = orderDates.first();
        LocalDate lastOrder = orderDates.last();
        LocalDate asOf = parameters.asOf() != null ? parameters.asOf() : lastOrder;
        if (asOf.isBefore(firstOrder)) {
            throw new InvalidParameterException("asOf", asOf + " is before the first order (" + firstOrder
                    + "): there is nothing to analyse");
        }
        LocalDate calibrationEnd = parameters.calibrationEnd() != null ? parameters.calibrationEnd() : asOf;
        if (calibrationEnd.isAfter(asOf)) {
            throw new InvalidParameterException("calibrationEnd", calibrationEnd + " is after {asOf} " + asOf
                    + ": the hold-out period would be empty");
        }
        if (calibrationEnd.isBefore(firstOrder)) {
            throw new InvalidParameterException("calibrationEnd", calibrationEnd + " is before the first order ("
                    + firstOrder + "): there is nothing to fit on");
        }

        // The top-products list scans every order line: run it beside the projection and the models, on the other
        // core, rather than after them. (Top countries come from the projection itself.)
        long queriesStarted = System.nanoTime();
        java.util.concurrent.CompletableFuture<List<AnalyticsReport.TopProduct>> topLists =
                onItsOwnThread("custograph-analyze-top-lists", () -> topLists(asOf));
        CustomerSummaries summaries = new CustomerSummaries((int) asOf.toEpochDay(),
                (int) calibrationEnd.toEpochDay());
        Timeline timeline = new Timeline(asOf, parameters.activeDays());
        long[] progress = {0, System.nanoTime()};
        long customersRead = new CustomerHistories(graph).forEach(asOf, parameters.includeCancelled(), history -> {
            summaries.add(history);
            timeline.add(history);
            if (++progress[0] % 10_000 == 0 && System.nanoTime() - progress[1] > 5_000_000_000L) {
                log.info("Projected {} customers", progress[0]);
                progress[1] = System.nanoTime();
            }
        });
        double projectionSeconds = (System.nanoTime() - started) / 1e9;
        log.info("Projected {} customers ({} with purchases up to {}) in {} s", customersRead, summaries.size(),
                asOf, String.format("%.1f", projectionSeconds));
        if (summaries.size() == 0) {
            throw new AnalyticsFailedException("no customer has a purchase up to " + asOf
                    + " (anonymous and cancelled orders are not modelled)");
        }

        long modelStarted = System.nanoTime();
        // The correlations (a sort per feature) need no model: they run on the other core while the fit runs.
        java.util.concurrent.CompletableFuture<Correlations.Result> correlations =
                onItsOwnThread("custograph-analyze-correlations", () -> Correlations.compute(summaries));
        Rfm.Result rfm = Rfm.score(summaries);
        long rfmDone = System.nanoTime();
        ProbabilisticValue.Result value = ProbabilisticValue.run(summaries, parameters.timeUnit(),
                parameters.horizonUnits(), parameters.discountRate(), parameters.margin());
        long valueDone = System.nanoTime();
        double[] chaf = Chaf.compute(summaries);
        AnalyticsReport.Ltv ltv = Ltv.compute(summaries, timeline, parameters);
        Correlations.Result correlation = join(correlations);
        double modelSeconds = (System.nanoTime() - modelStarted) / 1e9;
        log.info("Fitted and scored in {} s (RFM {} s, BG/NBD and Gamma-Gamma {} s: {} and {} likelihood "
                        + "evaluations)", String.format("%.2f", modelSeconds),
                String.format("%.2f", (rfmDone - modelStarted) / 1e9), String.format("%.2f", (valueDone - rfmDone) / 1e9),
                value.bgNbd().evaluations(), value.gammaGamma().evaluations());
        String runId = UUID.randomUUID().toString();
        long writeStarted = System.nanoTime();
        if (parameters.write()) {
            // Before the first customer is written, so a run that dies while writing is known for what it is.
            AnalyticsRuns.markInterrupted(graph, startedAt);
            graph.write("analytics/start-run", Map.of("runId", runId, "asOf", asOf, "startedAt", startedAt), WRITES);
            log.info("Writing the values of run {} onto {} customers", runId, summaries.size());
        }
        // From here on the run is RUNNING on the graph: a failure marks it FAILED, never leaves it RUNNING.
        try {
            try (CustomerValueWriter writer = parameters.write() ? new CustomerValueWriter(graph, runId, asOf) : null) {
                for (int i = 0; i < summaries.size(); i++) {
                    CustomerValue row = new CustomerValue(summaries.id(i), summaries.recencyDays(i), summaries.orders(i),
                            summaries.revenue(i), summaries.tenureDays(i), summaries.averageOrderValue(i), rfm.r()[i],
                            rfm.f()[i], rfm.m()[i], rfm.score()[i], rfm.segment()[i], finite(value.probabilityAlive()[i]),
                            finite(value.expectedPurchases()[i]), finite(value.expectedAverageSpend()[i]),
                            finite(value.clv()[i]), finite(chaf[i]), summaries.purchaseDays(i),
                            LocalDate.ofEpochDay(summaries.firstDay(i)), LocalDate.ofEpochDay(summaries.lastDay(i)));
                    if (perCustomer != null) {
                        perCustomer.accept(row);
                    }
                    if (writer != null) {
                        writer.add(row);
                    }
                }
                if (writer != null) {
                    writer.finish();
                }
            }
            double writeSeconds = parameters.write() ? (System.nanoTime() - writeStarted) / 1e9 : 0;
            // The write-back overlapped the top lists; they are needed only now, for the report.
            List<AnalyticsReport.TopProduct> topProducts = join(topLists);
            double queriesSeconds = (System.nanoTime() - queriesStarted) / 1e9;
            log.info("Top products ready {} s after the start (run beside the other steps)",
                    String.format("%.1f", queriesSeconds));
            AnalyticsReport.Descriptive descriptive = descriptive(summaries, timeline, customersRead, topProducts);
            AnalyticsReport.BgNbdReport bgNbd = AnalyticsReport.bgNbd(value, parameters.timeUnit());
            AnalyticsReport.GammaGammaReport gammaGamma = AnalyticsReport.gammaGamma(value);
            int[] orders = new int[summaries.size()];
            int[] recency = new int[summaries.size()];
            for (int i = 0; i < summaries.size(); i++) {
                orders[i] = summaries.orders(i);
                recency[i] = summaries.recencyDays(i);
            }
            List<String> warnings = FitWarnings.of(bgNbd, gammaGamma, orders, recency, value.probabilityAlive());
            warnings.forEach(warning -> log.warn("{}", warning));
            AnalyticsReport report = new AnalyticsReport(runId, asOf, parameters.calibrationEnd(),
                    parameters.timeUnit().name().toLowerCase(), parameters.horizonUnits(), summaries.size(),
                    descriptive, rfm.segmentSizes(), bgNbd, gammaGamma, value.holdout(), ltv, correlation,
                    new AnalyticsReport.Churn(timeline.churnByMonth(), timeline.cohorts()),
                    projectionSeconds, modelSeconds, queriesSeconds, 0, 0, warnings);
            if (parameters.write()) {
                long clearStarted = System.nanoTime();
                long cleared = graph.writeReturningLong("analytics/clear-stale-values", Map.of("runId", runId), WRITES);
                recordRun(report, parameters, startedAt);
                log.info("Cleared an earlier run's values from {} customers and recorded the run in {} s", cleared,
                        String.format("%.1f", (System.nanoTime() - clearStarted) / 1e9));
            }
            return report.withTimes(writeSeconds, (System.nanoTime() - started) / 1e9);
        } catch (RuntimeException failure) {
            if (parameters.write()) {
                AnalyticsRuns.markFailed(graph, runId, failure);
            }
            throw failure;
        }
    }

    private List<AnalyticsReport.TopProduct> topLists(LocalDate asOf) {
        long started = System.nanoTime();
        List<AnalyticsReport.TopProduct> products = graph.rows("analytics/top-products", Map.of("asOf", asOf,
                "limit", 10)).stream().map(row -> new AnalyticsReport.TopProduct(row.string("productId"),
                row.string("name"), row.doubleValue("revenue"), row.longValue("units"), row.longValue("lines")))
                .toList();
        log.info("Top products in {} s", String.format("%.1f", (System.nanoTime() - started) / 1e9));
        return products;
    }

    /**
     * Runs {@code work} on a daemon thread of its own, not in the common fork-join pool: the driver completes its
     * futures there, and a pool worker blocked on a query once starved the projection (25 s for 2,357 customers on
     * 2 cores).
     */
    private static <T> java.util.concurrent.CompletableFuture<T> onItsOwnThread(String name,
                                                                              java.util.function.Supplier<T> work) {
        java.util.concurrent.CompletableFuture<T> result = new java.util.concurrent.CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    private static <T> T join(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private AnalyticsReport.Descriptive descriptive(CustomerSummaries s, Timeline timeline, long customersRead,
                                                    List<AnalyticsReport.TopProduct> topProducts) {
        long orders = 0;
        double revenue = 0;
        TreeMap<String, Long> frequency = new TreeMap<>((a, b) -> Integer.compare(order(a), order(b)));
        for (int i = 0; i < s.size(); i++) {
            orders += s.orders(i);
            revenue += s.revenue(i);
            int n = s.orders(i);
            frequency.merge(n >= 10 ? "10+" : String.valueOf(n), 1L, Long::sum);
        }
        return new AnalyticsReport.Descriptive(customersRead, s.size(), timeline.activeAtAsOf(), orders,
                Math.round(revenue * 100) / 100.0, orders == 0 ? null : Math.round(revenue / orders * 100) / 100.0,
                new LinkedHashMap<>(frequency), timeline.revenueByMonth(),
                timeline.topCountries(10), topProducts);
    }

    private static int order(String bucket) {
        return bucket.endsWith("+") ? Integer.MAX_VALUE : Integer.parseInt(bucket);
    }

    private void recordRun(AnalyticsReport report, Parameters parameters, OffsetDateTime startedAt) {
        RunRecord run = RunRecord.finished(GraphChange.RunKind.VALUE, report.runId()).with("asOf", report.asOf())
                .with("startedAt", startedAt).withJson("parameters", parameters).withJson("metrics", report)
                .with("customers", report.customers()).with("timeUnit", report.timeUnit())
                .with("horizon", report.horizon());
        if (!report.warnings().isEmpty()) {
            run.with("warnings", report.warnings());
        }
        if (report.bgnbd().converged()) {
            run.with("r", report.bgnbd().r()).with("alpha", report.bgnbd().alpha()).with("a", report.bgnbd().a())
                    .with("b", report.bgnbd().b());
        }
        if (report.gammaGamma().converged()) {
            run.with("p", report.gammaGamma().p()).with("q", report.gammaGamma().q()).with("v", report.gammaGamma().v());
        }
        run.writeTo(graph);
    }

    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
