package dev.custograph.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.custograph.analytics.churn.ChurnPrediction;
import dev.custograph.analytics.churn.ChurnReport;
import dev.custograph.analytics.churn.ClassificationMetrics;
import dev.custograph.graph.GraphConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code custograph churn}: who will stop buying; a logistic regression learnt by a time split, with a forest beside it. */
@Command(name = "churn", mixinStandardHelpOptions = true,
        description = "Learn who churns (no purchase within --horizon-days after --cutoff) from features on or before "
                + "the cutoff, by logistic regression, evaluated on hold-out customers beside a random forest; then "
                + "write each customer's probability of churning in the next --horizon-days onto the graph.")
public final class ChurnCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--cutoff", required = true, paramLabel = "DATE",
            description = "Features from purchases up to this day (yyyy-mm-dd); labels from the days after it.")
    LocalDate cutoff;

    @Option(names = "--horizon-days", required = true, paramLabel = "N",
            description = "A customer churns if they make no purchase in the N days after the cutoff.")
    int horizonDays;

    @Option(names = "--features", paramLabel = "a,b,c", split = ",", defaultValue = "recency,frequency,monetary,tenure",
            description = "recency, frequency, monetary, tenure, avgOrderValue, or numeric customer properties. "
                    + "Default: ${DEFAULT-VALUE}.")
    List<String> features;

    @Option(names = "--penalty", paramLabel = "none|l2", defaultValue = "none",
            description = "No penalty (maximum likelihood), or ridge. Default: ${DEFAULT-VALUE}.")
    ChurnPrediction.Penalty penalty;

    @Option(names = "--lambda", paramLabel = "L", defaultValue = "1.0",
            description = "Ridge strength with --penalty l2 (the loss adds lambda/2 |w|^2). Default: ${DEFAULT-VALUE}.")
    double lambda;

    @Option(names = "--validation", paramLabel = "random|out-of-time", defaultValue = "random",
            description = "Hold-out: a stratified random split, or train at cutoff - horizon and test at the cutoff. "
                    + "Default: ${DEFAULT-VALUE}.")
    String validation;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.3",
            description = "Share of customers held out with --validation random. Default: ${DEFAULT-VALUE}.")
    double testFraction;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Random seed for the split and the forest. Default: ${DEFAULT-VALUE}.")
    long seed;


    @Mixin
    RunOutputOptions output;

    @Override
    public Integer call() {
        ChurnPrediction.Validation method = switch (validation.toLowerCase(Locale.ROOT)) {
            case "random" -> ChurnPrediction.Validation.RANDOM;
            case "out-of-time" -> ChurnPrediction.Validation.OUT_OF_TIME;
            default -> throw new ParameterException(spec.commandLine(), "Invalid value for option '--validation': '"
                    + validation + "' (expected random or out-of-time)");
        };
        ChurnPrediction.Parameters parameters = new ChurnPrediction.Parameters(cutoff, horizonDays,
                features.stream().map(String::strip).toList(), penalty, lambda, method, testFraction, seed, !output.noWrite);
        ChurnReport report;
        try (GraphConnection db = connection.open()) {
            report = new ChurnPrediction(db.graph()).run(parameters);
        }
        if (!output.printedAsJson(report)) {
            print(report);
        }
        return 0;
    }

    private static void print(ChurnReport r) {
        System.out.printf("%,d customers active by %s; %,d (%.1f%%) made no purchase in the next %d days%n", r.n(),
                r.cutoff(), r.positives(), 100.0 * r.positives() / r.n(), r.horizonDays());
        System.out.printf("Logistic regression (%s, lambda %s), per standard deviation | per unit:%n", r.penalty(),
                r.lambda());
        for (Map.Entry<String, Double> e : r.coefficients().entrySet()) {
            System.out.printf("  %-16s %+9.4f | %+.6g%n", e.getKey(), e.getValue(), r.rawCoefficients().get(e.getKey()));
        }
        System.out.printf("Hold-out (%s, %,d train / %,d test):%n", r.validation().method(),
                r.validation().trainCustomers(), r.validation().testCustomers());
        System.out.println("  model                AUC   accuracy precision recall   F1     log-loss");
        printMetrics("logistic regression", r.metrics());
        printMetrics("random forest", r.randomForest());
        System.out.println("Calibration of the logistic regression (deciles of predicted probability):");
        for (ClassificationMetrics.CalibrationRow row : r.metrics().calibration()) {
            System.out.printf("  %2d  predicted %5.3f %-25s observed %5.3f %s%n", row.decile(), row.meanPredicted(),
                    "#".repeat((int) Math.round(25 * row.meanPredicted())), row.observedRate(),
                    "#".repeat((int) Math.round(25 * row.observedRate())));
        }
        r.warnings().forEach(w -> System.out.println("Warning: " + w));
        System.out.printf("Wrote the churn probability of %,d customers (as of %s). Done in %.1f s%n", r.scored(),
                r.scoredAsOf(), r.seconds());
    }

    private static void printMetrics(String name, ClassificationMetrics m) {
        System.out.printf("  %-19s %s %8.3f %9s %6s %6s %9.4f%n", name, format(m.auc()), m.accuracy(),
                format(m.precision()), format(m.recall()), format(m.f1()), m.logLoss());
    }

    private static String format(Double value) {
        return value == null ? "  -  " : String.format("%.3f", value);
    }
}
