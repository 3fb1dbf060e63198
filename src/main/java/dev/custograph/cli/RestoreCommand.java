package dev.custograph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.custograph.backup.Restore;
import dev.custograph.graph.GraphConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code custograph restore}: an archive back into an empty database. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore a backup archive into an empty database. The whole archive is checked first "
                + "(checksums, sizes, counts); a corrupt or truncated one is refused and nothing is written.")
public final class RestoreCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--in", required = true, arity = "1..*", paramLabel = "FILE",
            description = "The archive to restore; for a chain, the full backup and then each incremental one, in "
                    + "order.")
    java.util.List<Path> in;

    @Mixin
    SigningKeyOptions signing;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() {
        Restore.Report report;
        dev.custograph.backup.SigningKey key = signing.key();
        try (GraphConnection db = connection.open()) {
            report = new Restore(db.graph(), key).restore(in);
        }
        if (!output.printed(report)) {
            System.out.printf("Restored %,d nodes and %,d relationships from %s in %.1f s%n", report.nodes(),
                    report.relationships(), in, report.seconds());
        }
        return 0;
    }
}
