package dev.custograph;

import java.util.Arrays;

import dev.custograph.cli.ActionsCommand;
import dev.custograph.cli.AnalyzeCommand;
import dev.custograph.cli.BackupCommand;
import dev.custograph.cli.CareListCommand;
import dev.custograph.cli.ChurnCommand;
import dev.custograph.cli.CommandFailure;
import dev.custograph.cli.EvaluateRecsCommand;
import dev.custograph.cli.GenerateCommand;
import dev.custograph.cli.ImportCommand;
import dev.custograph.cli.MergeCommand;
import dev.custograph.cli.RecommendCommand;
import dev.custograph.cli.RestoreCommand;
import dev.custograph.cli.RulesCommand;
import dev.custograph.cli.SegmentCommand;
import dev.custograph.cli.ServeCommand;
import dev.custograph.cli.SimilarCommand;
import dev.custograph.cli.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code custograph} command: {@code serve} (the default) and the batch commands. Every command prints its
 * result on stdout (one JSON document with {@code --json}) and logs and progress on stderr; a failure is one line
 * on stderr and a non-zero exit status.
 */
@Command(name = "custograph", mixinStandardHelpOptions = true, versionProvider = Custograph.Version.class,
        description = "Graph-database customer intelligence: customers, orders and products in Neo4j, "
                + "served over GraphQL.",
        subcommands = {ServeCommand.class, ImportCommand.class, GenerateCommand.class, MergeCommand.class,
                AnalyzeCommand.class, SegmentCommand.class, ChurnCommand.class, RulesCommand.class,
                SimilarCommand.class, RecommendCommand.class, EvaluateRecsCommand.class, BackupCommand.class,
                RestoreCommand.class, VerifyCommand.class, CareListCommand.class, ActionsCommand.class})
public final class Custograph {

    /** Exit status for a command that failed while running. */
    public static final int EXIT_FAILURE = 1;
    /** Exit status for a command line that could not be understood. */
    public static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        int status = run(args);
        if (status != 0 || !ServeCommand.isServing()) {
            System.exit(status);
        }
    }

    /** Runs one command line and returns its exit status (serve returns once the server is up). */
    public static int run(String... args) {
        return commandLine().execute(withDefaultCommand(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Custograph());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, args) -> {
            System.err.println("custograph: " + e.getMessage() + " (see custograph --help)");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            System.err.println("custograph " + command.getCommandName() + ": " + CommandFailure.reason(e));
            return EXIT_FAILURE;
        });
        return cli;
    }

    /** {@code custograph --demo} means {@code custograph serve --demo}. */
    private static String[] withDefaultCommand(String[] args) {
        boolean hasCommand = args.length > 0 && !args[0].startsWith("-");
        boolean asksForHelp = args.length > 0 && Arrays.asList("-h", "--help", "-V", "--version").contains(args[0]);
        if (hasCommand || asksForHelp) {
            return args;
        }
        String[] withServe = new String[args.length + 1];
        withServe[0] = "serve";
        System.arraycopy(args, 0, withServe, 1, args.length);
        return withServe;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Custograph.class.getPackage().getImplementationVersion();
            return new String[] {"custograph " + (version == null ? "development build" : version)};
        }
    }
}
