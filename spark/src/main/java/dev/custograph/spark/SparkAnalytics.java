package dev.custograph.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
        subcommands = {SparkAnalytics.Analyze.class})
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

        @Option(names = "--no-write", negatable = false, description = "Compute and report, write nothing.")
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
}
