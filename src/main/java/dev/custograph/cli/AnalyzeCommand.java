package dev.custograph.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.custograph.analytics.AnalyticsReport;
import dev.custograph.analytics.CustomerValue;
import dev.custograph.analytics.ProbabilisticValue.TimeUnit;
import dev.custograph.analytics.ValueAnalysis;
import dev.custograph.graph.GraphConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code custograph analyze}: customer value analytics as of a date, written back onto the graph. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Descriptive statistics, correlations, RFM, lifetime value (simple, retention-based, BG/NBD + "
                + "Gamma-Gamma), CHAF, churn and cohort retention, as of a date; results are written onto the "
                + "customers and an :AnalyticsRun node.")
public final class AnalyzeCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Analyse as of this day (yyyy-mm-dd): later orders are ignored. Default: the last order date.")
    LocalDate asOf;

    @Option(names = "--calibration-end", paramLabel = "DATE",
            description = "Fit BG/NBD and Gamma-Gamma on purchases up to this day and check predictions on the ones "
                    + "after it (hold-out).")
    LocalDate calibrationEnd;

    @Option(names = "--time-unit", paramLabel = "UNIT", defaultValue = "week",
            description = "day or week (weeks = days / 7); default ${DEFAULT-VALUE}.")
    TimeUnit timeUnit;

    @Option(names = "--horizon", paramLabel = "N",
            description = "Horizon for expected purchases and CLV, in time units (default 52 weeks or 365 days).")
    Double horizon;

    @Option(names = "--discount-rate", paramLabel = "R", defaultValue = "0.10",
            description = "Annual discount rate for CLV; default ${DEFAULT-VALUE}.")
    double discountRate;

    @Option(names = "--margin", paramLabel = "M", defaultValue = "1.0",
            description = "Share of revenue that is profit, for CLV (1 = value in revenue); default ${DEFAULT-VALUE}.")
    double margin;

    @Option(names = "--active-days", paramLabel = "N", defaultValue = "90",
            description = "A customer is active if they bought in the last N days; default ${DEFAULT-VALUE}.")
    int activeDays;

    @Option(names = "--include-cancelled", description = "Count cancelled orders as purchases (default: left out).")
    boolean includeCancelled;


    @Option(names = "--export", paramLabel = "FILE.csv", description = "Write one CSV row per customer.")
    Path export;

    @Mixin
    RunOutputOptions output;

    @Override
    public Integer call() {
        CsvExport.checkDirectory(export);
        ValueAnalysis.Parameters parameters = new ValueAnalysis.Parameters(asOf, calibrationEnd, timeUnit, horizon,
                discountRate, margin, activeDays, includeCancelled, !output.noWrite);
        AnalyticsReport report;
        try (GraphConnection db = connection.open();
             CsvExport csv = new CsvExport(export, CustomerValue.CSV_COLUMNS)) {
            report = new ValueAnalysis(db.graph()).run(parameters, value -> csv.write(value.csvRow()));
        } catch (RuntimeException e) {
            CsvExport.deleteQuietly(export);
            throw e;
        }
        if (!output.printedAsJson(report)) {
            printSummary(report);
        }
        return 0;
    }

    private static void printSummary(AnalyticsReport r) {
        var d = r.descriptive();
        System.out.printf("As of %s: %,d customers (%,d with purchases, %,d active), %,d orders, revenue %,.2f, "
                + "average order %,.2f%n", r.asOf(), d.customers(), d.customersWithPurchases(), d.activeCustomers(),
                d.orders(), d.revenue(), d.averageOrderValue());
        System.out.println("Revenue by month:");
        double top = d.revenueByMonth().stream().mapToDouble(m -> m.revenue()).max().orElse(1);
        for (var month : d.revenueByMonth()) {
            System.out.printf("  %s %14s %s%n", month.month(), String.format("%,.2f", month.revenue()),
                    "#".repeat((int) Math.round(40 * Math.max(0, month.revenue()) / Math.max(1e-9, top))));
        }
        System.out.println("RFM segments:");
        long most = r.rfm().values().stream().mapToLong(Long::longValue).max().orElse(1);
        for (Map.Entry<String, Long> e : r.rfm().entrySet()) {
            System.out.printf("  %-20s %8d %s%n", e.getKey(), e.getValue(),
                    "#".repeat((int) Math.round(40.0 * e.getValue() / Math.max(1, most))));
        }
        var b = r.bgnbd();
        // %.4g, not %.4f: a degenerate a of 1.8e-6 printed as 0.0000 looked like a tidy estimate.
        System.out.println(b.converged() ? String.format("BG/NBD (%s): r=%.4g alpha=%.4g a=%.4g b=%.4g, LL=%.2f",
                b.timeUnit(), b.r(), b.alpha(), b.a(), b.b(), b.logLikelihood()) : "BG/NBD not fitted: " + b.problem());
        var g = r.gammaGamma();
        System.out.println(g.converged() ? String.format("Gamma-Gamma: p=%.4f q=%.4f gamma=%.4f on %d repeat "
                + "customers", g.p(), g.q(), g.v(), g.customers()) : "Gamma-Gamma not fitted: " + g.problem());
        for (String warning : r.warnings()) {
            System.out.println("WARNING: " + warning);
        }
        if (r.holdout() != null) {
            System.out.printf("Hold-out (%.1f %ss): predicted %.1f purchases, actual %d, mean absolute error %.3f"
                    + " per customer%n", r.holdout().periodUnits(), r.timeUnit(), r.holdout().predicted(),
                    r.holdout().actual(), r.holdout().meanAbsoluteError());
        }
        System.out.printf("Done in %.1f s (projection %.1f s, models %.2f s, top lists %.1f s, write-back %.1f s)%n",
                r.seconds(), r.projectionSeconds(), r.modelSeconds(), r.descriptiveQuerySeconds(), r.writeSeconds());
    }
}
