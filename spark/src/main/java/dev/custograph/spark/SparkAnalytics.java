package dev.custograph.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.custograph.analytics.ProbabilisticValue.TimeUnit;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The Spark job's entry point, for {@code spark-submit}: the product's analytics commands with the product's option
 * names, run on the cluster the job is submitted to, against the graph at {@code --neo4j-uri}.
 * <pre>
 *   spark-submit --master local[*] target/custograph-spark.jar analyze --neo4j-uri neo4j://db:7687 \
 *       --neo4j-password-file pw --calibration-end 2025-06-30 --json
 * </pre>
 * {@code --json} prints the run's report as one JSON document on stdout; logs and Spark's progress go to stderr. A
 * failure prints one line saying why on stderr and exits non-zero.
 */
@Command(name = "custograph-spark", mixinStandardHelpOptions = true,
        description = "Custograph's analytics on Apache Spark, reading and writing the same Neo4j graph.",
        subcommands = {SparkAnalytics.Analyze.class, SparkAnalytics.Segment.class, SparkAnalytics.Churn.class,
                SparkAnalytics.Rules.class})
public final class SparkAnalytics {

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command as {@code main} does, printing to the given streams; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(new SparkAnalytics());
        line.setOut(new java.io.PrintWriter(out, true));
        line.setErr(new java.io.PrintWriter(err, true));
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("custograph-spark " + cmd.getCommandName() + ": " + reason(e));
            return 1;
        });
        line.setExecutionStrategy(parsed -> {
            Object command = parsed.subcommand() == null ? null : parsed.subcommand().commandSpec().userObject();
            if (command instanceof GraphCommand graphCommand) {
                graphCommand.out = out;
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        return line.execute(args);
    }

    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && (cause.getMessage() == null || cause instanceof UncheckedIOException)) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().lines().findFirst()
                .orElse("");
    }

    /** Where the graph is, as the product's own commands take it. */
    static final class GraphOptions {
        @Option(names = "--neo4j-uri", required = true, paramLabel = "URI",
                description = "The graph: bolt://host:7687 or neo4j://host:7687 (a cluster).")
        String uri;

        @Option(names = "--neo4j-user", defaultValue = "neo4j", paramLabel = "USER",
                description = "Database user (default: ${DEFAULT-VALUE}).")
        String user;

        @Option(names = "--neo4j-password-file", paramLabel = "FILE",
                description = "File holding the database password (else the CUSTOGRAPH_NEO4J_PASSWORD environment "
                        + "variable).")
        Path passwordFile;

        @Option(names = "--neo4j-database", defaultValue = "neo4j", paramLabel = "NAME",
                description = "Database name (default: ${DEFAULT-VALUE}).")
        String database;

        @Option(names = "--partitions", defaultValue = "4", paramLabel = "N",
                description = "Partitions each projection is read in, in parallel (default: ${DEFAULT-VALUE}).")
        int partitions;

        Neo4jGraph.Connection connection() {
            String password;
            if (passwordFile != null) {
                try {
                    password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
                } catch (IOException e) {
                    throw new IllegalArgumentException("--neo4j-password-file: cannot read " + passwordFile + " ("
                            + e.getMessage() + ")");
                }
            } else {
                password = System.getenv("CUSTOGRAPH_NEO4J_PASSWORD");
                if (password == null) {
                    throw new IllegalArgumentException("--neo4j-password-file: give the file holding the database "
                            + "password, or set CUSTOGRAPH_NEO4J_PASSWORD");
                }
            }
            if (partitions < 1) {
                throw new IllegalArgumentException("--partitions: must be at least 1, got " + partitions);
            }
            return new Neo4jGraph.Connection(uri, user, password, database);
        }
    }

    /** A command that runs one job on the graph and prints its report. */
    abstract static class GraphCommand implements Callable<Integer> {
        @Mixin
        GraphOptions graphOptions = new GraphOptions();

        @Option(names = "--json", description = "Print the run's report as one JSON document on stdout.")
        boolean json;

        PrintStream out = System.out;

        /** Runs the job on a graph; returns its report. */
        abstract Map<String, Object> run(Neo4jGraph graph);

        @Override
        public Integer call() {
            Neo4jGraph.Connection connection = graphOptions.connection();
            SparkSession spark = SparkSession.builder().appName("custograph " + getClass().getSimpleName()
                    .toLowerCase()).getOrCreate();
            try (Neo4jGraph graph = new Neo4jGraph(spark, connection, graphOptions.partitions)) {
                Map<String, Object> report = run(graph);
                out.println(json ? RunLedger.json(report) : summary(report));
            }
            return 0;
        }

        /** One line for people, when they did not ask for JSON. */
        String summary(Map<String, Object> report) {
            return getClass().getSimpleName().toLowerCase() + " run " + report.get("runId") + ": "
                    + report.get("customers") + " customers";
        }
    }

    @Command(name = "analyze", description = "RFM and BG/NBD + Gamma-Gamma value, written onto the customers.")
    static final class Analyze extends GraphCommand {
        @Option(names = "--as-of", paramLabel = "DATE", description = "Analyse as of this date (default: the last "
                + "order).")
        LocalDate asOf;

        @Option(names = "--calibration-end", paramLabel = "DATE",
                description = "Fit the models on purchases up to this date and check them on the rest.")
        LocalDate calibrationEnd;

        @Option(names = "--time-unit", paramLabel = "UNIT", defaultValue = "week",
                description = "day or week (default: ${DEFAULT-VALUE}).")
        String timeUnit;

        @Option(names = "--horizon", paramLabel = "N", description = "CLV horizon in time units (default: a year).")
        Double horizon;

        @Option(names = "--discount-rate", paramLabel = "R", defaultValue = "0.10",
                description = "Annual discount rate (default: ${DEFAULT-VALUE}).")
        double discountRate;

        @Option(names = "--margin", paramLabel = "M", defaultValue = "1.0",
                description = "Share of revenue that is profit (default: ${DEFAULT-VALUE}).")
        double margin;

        @Option(names = "--include-cancelled", description = "Count cancelled orders as purchases.")
        boolean includeCancelled;

        @Option(names = "--no-write", description = "Compute and report, write nothing.")
        boolean noWrite;

        @Override
        Map<String, Object> run(Neo4jGraph graph) {
            TimeUnit unit = switch (timeUnit) {
                case "week" -> TimeUnit.WEEK;
                case "day" -> TimeUnit.DAY;
                default -> throw new IllegalArgumentException("--time-unit: day or week, got '" + timeUnit + "'");
            };
            return new ValueJob(graph).run(new ValueJob.Parameters(asOf, calibrationEnd, unit, horizon, discountRate,
                    margin, includeCancelled, !noWrite));
        }
    }

    @Command(name = "segment", description = "K-Means segments (MLlib) on scaled features, named, written as "
            + "(:Segment) nodes and memberships.")
    static final class Segment extends GraphCommand {
        @Option(names = "--as-of", paramLabel = "DATE", description = "Segment as of this date (default: the last "
                + "order).")
        LocalDate asOf;

        @Option(names = "--k", required = true, paramLabel = "N", description = "Number of segments (auto, by "
                + "silhouette, runs in the product's engine).")
        String k;

        @Option(names = "--features", paramLabel = "a,b,c", split = ",", defaultValue = "recency,frequency,monetary",
                description = "Features: recency, frequency, monetary, tenure, avgOrderValue (default: "
                        + "${DEFAULT-VALUE}).")
        List<String> features;

        @Option(names = "--scale", paramLabel = "zscore|log-zscore", defaultValue = "log-zscore",
                description = "Scaling before K-Means (default: ${DEFAULT-VALUE}).")
        String scale;

        @Option(names = "--restarts", paramLabel = "N", defaultValue = "10",
                description = "K-Means runs from different seeds; the lowest inertia wins (default: ${DEFAULT-VALUE}).")
        int restarts;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Random seed (default: "
                + "${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--no-write", description = "Compute and report, write nothing.")
        boolean noWrite;

        @Override
        Map<String, Object> run(Neo4jGraph graph) {
            int clusters;
            try {
                clusters = Integer.parseInt(k);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--k: give a number of segments, got '" + k + "' (choosing k by "
                        + "silhouette, --k auto, runs in the product's own engine)");
            }
            return new SegmentJob(graph).run(new SegmentJob.Parameters(asOf, clusters, features, scale, restarts, seed,
                    !noWrite));
        }
    }

    @Command(name = "churn", description = "Churn by a time split with MLlib's logistic regression, evaluated on "
            + "a hold-out, written onto customers.")
    static final class Churn extends GraphCommand {
        @Option(names = "--cutoff", required = true, paramLabel = "DATE",
                description = "Features from purchases up to this date; churn = none in the horizon after it.")
        LocalDate cutoff;

        @Option(names = "--horizon-days", required = true, paramLabel = "N", description = "Days after the cutoff.")
        int horizonDays;

        @Option(names = "--features", paramLabel = "a,b,c", split = ",",
                defaultValue = "recency,frequency,monetary,tenure", description = "Features (default: "
                + "${DEFAULT-VALUE}).")
        List<String> features;

        @Option(names = "--penalty", paramLabel = "none|l2", defaultValue = "none",
                description = "Ridge penalty (default: ${DEFAULT-VALUE}).")
        String penalty;

        @Option(names = "--lambda", paramLabel = "L", defaultValue = "1.0",
                description = "Strength of the l2 penalty on the summed log-loss (default: ${DEFAULT-VALUE}).")
        double lambda;

        @Option(names = "--validation", paramLabel = "random|out-of-time", defaultValue = "random",
                description = "How the hold-out is made (default: ${DEFAULT-VALUE}).")
        String validation;

        @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.3",
                description = "Share held out with --validation random (default: ${DEFAULT-VALUE}).")
        double testFraction;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Random seed (default: "
                + "${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--no-write", description = "Compute and report, write nothing.")
        boolean noWrite;

        @Override
        Map<String, Object> run(Neo4jGraph graph) {
            return new ChurnJob(graph).run(new ChurnJob.Parameters(cutoff, horizonDays, features, penalty, lambda,
                    validation, testFraction, seed, !noWrite));
        }

        @Override
        String summary(Map<String, Object> report) {
            return "churn run " + report.get("runId") + ": " + report.get("n") + " customers labelled, "
                    + report.get("scored") + " scored";
        }
    }

    @Command(name = "rules", description = "Association rules by MLlib's FP-Growth, written as BOUGHT_WITH and "
            + "(:AssociationRule).")
    static final class Rules extends GraphCommand {
        @Option(names = "--min-support", required = true, paramLabel = "S", description = "Minimum support, in (0, 1].")
        double minSupport;

        @Option(names = "--min-confidence", required = true, paramLabel = "C",
                description = "Minimum confidence, in (0, 1].")
        double minConfidence;

        @Option(names = "--min-lift", paramLabel = "L", defaultValue = "0", description = "Minimum lift (default: "
                + "${DEFAULT-VALUE}).")
        double minLift;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "Rules kept, best first "
                + "(default: ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--max-length", paramLabel = "N", defaultValue = "2",
                description = "Products in a rule, both sides (default: ${DEFAULT-VALUE}).")
        int maxLength;

        @Option(names = "--include-cancelled", description = "Count cancelled orders as baskets.")
        boolean includeCancelled;

        @Option(names = "--no-write", description = "Compute and report, write nothing.")
        boolean noWrite;

        @Override
        Map<String, Object> run(Neo4jGraph graph) {
            return new RulesJob(graph).run(new RulesJob.Parameters(minSupport, minConfidence, minLift, maxLength,
                    limit, includeCancelled, !noWrite));
        }

        @Override
        String summary(Map<String, Object> report) {
            return "rules run " + report.get("runId") + ": " + ((List<?>) report.get("rules")).size() + " rules from "
                    + report.get("transactions") + " baskets";
        }
    }
}
