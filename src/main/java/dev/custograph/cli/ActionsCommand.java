package dev.custograph.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.custograph.actions.ActionEvaluation;
import dev.custograph.actions.ActionPolicy;
import dev.custograph.actions.ActionsReport;
import dev.custograph.actions.NextBestAction;
import dev.custograph.actions.NextBestActions;
import dev.custograph.graph.GraphConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code custograph actions}: one next best action per customer, by a policy file, with its expected value. */
@Command(name = "actions", mixinStandardHelpOptions = true,
        description = "Choose each analysed customer's next best action from its CLV, P(alive), churn risk, segments, "
                + "birthday and best recommendation, by the rules of a policy file; write it onto the graph "
                + "(c.nextAction, c.nextActionValue, c.nextActionReasons). Reads the latest analyze, churn and "
                + "segment runs. With --evaluate, also checks the ranking offline by a time split at --cutoff.")
public final class ActionsCommand implements Callable<Integer> {

    /** The export's columns, in order. */
    static final List<String> CSV_COLUMNS = List.of("customer_id", "action", "label", "expected_value", "uplift",
            "baseline", "product_id", "product_name", "reasons");

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--policy", paramLabel = "FILE.yaml",
            description = "The policy (see --show-policy for the default, which documents the format).")
    Path policyFile;

    @Option(names = "--show-policy", description = "Print the policy in use (the default or --policy) and stop.")
    boolean showPolicy;

    @Option(names = "--today", paramLabel = "DATE", description = "The day birthdays count from; default today.")
    LocalDate today;

    @Option(names = "--no-recommendations",
            description = "Do not rank recommendations (faster; no cross-sell and no product to offer).")
    boolean noRecommendations;

    @Option(names = "--export", paramLabel = "FILE.csv",
            description = "Write one CSV row per customer: its action, expected value, product and reasons.")
    Path export;

    @Option(names = "--evaluate", description = "Also run the offline check: choose on purchases up to --cutoff, "
            + "score on what customers spent in the --horizon-days after it.")
    boolean evaluate;

    @Option(names = "--cutoff", paramLabel = "DATE", description = "The check's cutoff (with --evaluate).")
    LocalDate cutoff;

    @Option(names = "--horizon-days", paramLabel = "N", defaultValue = "180",
            description = "The check's next period, in days after the cutoff. Default: ${DEFAULT-VALUE}.")
    int horizonDays;

    @Option(names = "--churn-horizon-days", paramLabel = "N", defaultValue = "90",
            description = "The check's churn model: no purchase in N days. Default: ${DEFAULT-VALUE}.")
    int churnHorizonDays;

    @Mixin
    RunOutputOptions output;

    @Override
    public Integer call() {
        ActionPolicy policy = policyFile == null ? ActionPolicy.defaults() : ActionPolicy.read(policyFile);
        if (showPolicy) {
            System.out.print(policy.text());
            return 0;
        }
        if (evaluate && cutoff == null) {
            throw new IllegalArgumentException("--evaluate needs --cutoff DATE");
        }
        CsvExport.checkDirectory(export);
        ActionsReport report;
        try (GraphConnection db = connection.open();
             CsvExport csv = new CsvExport(export, CSV_COLUMNS)) {
            report = new NextBestActions(db.graph()).run(new NextBestActions.Parameters(policy,
                    today != null ? today : LocalDate.now(), !noRecommendations, !output.noWrite),
                    action -> csv.write(csvRow(action)));
            if (evaluate) {
                report = report.withEvaluation(ActionEvaluation.run(db.graph(), policy, cutoff, horizonDays,
                        churnHorizonDays));
            }
        } catch (RuntimeException e) {
            CsvExport.deleteQuietly(export);
            throw e;
        }
        if (!output.printedAsJson(report)) {
            printSummary(report);
        }
        return 0;
    }

    private static void printSummary(ActionsReport r) {
        System.out.printf("Next best actions for %,d customers (value run %s as of %s, %.0f-day horizon; policy: %s)%n",
                r.customers(), r.valueRunId(), r.valueAsOf(), r.horizonDays(), r.policy());
        long most = r.byAction().stream().mapToLong(ActionsReport.ActionCount::customers).max().orElse(1);
        System.out.printf("  %-16s %-28s %9s %16s %14s%n", "action", "label", "customers", "expected value",
                "uplift");
        for (ActionsReport.ActionCount a : r.byAction()) {
            System.out.printf(Locale.ROOT, "  %-16s %-28s %,9d %,16.2f %,14.2f %s%n", a.action(), a.label(),
                    a.customers(), a.expectedValue(), a.uplift(),
                    "#".repeat((int) Math.round(30.0 * a.customers() / Math.max(1, most))));
        }
        if (r.evaluation() != null) {
            ActionEvaluation.Result e = r.evaluation();
            System.out.printf(Locale.ROOT, "Offline check: chosen on purchases up to %s, scored on the %d days after "
                            + "(%,d customers, next-period revenue %,.2f); share held by the top tenth (%,d customers):%n",
                    e.cutoff(), e.horizonDays(), e.customers(), e.nextPeriodRevenue(), e.topDecileCustomers());
            for (ActionEvaluation.Ranking k : e.rankings()) {
                System.out.printf(Locale.ROOT, "  %-18s %s%n", k.name(), k.topDecileShare() == null ? k.note()
                        : String.format(Locale.ROOT, "%5.1f%%  (top fifth %5.1f%%) %s", 100 * k.topDecileShare(),
                        100 * k.topFifthShare(), "#".repeat((int) Math.round(40 * k.topDecileShare()))));
            }
            System.out.println("  Left out of the check: " + e.leftOut());
        }
        System.out.printf("Done in %.1f s%s%n", r.seconds(), r.written() > 0 ? "; written onto the graph" : "");
    }

    private static List<Object> csvRow(NextBestAction a) {
        return Arrays.asList(a.customerId(), a.action(), a.label(), money(a.expectedValue()), money(a.uplift()),
                money(a.baseline()), a.productId(), a.productName(), String.join("; ", a.reasons()));
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
