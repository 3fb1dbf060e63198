package dev.custograph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.custograph.backup.Backup;
import dev.custograph.backup.Manifest;
import dev.custograph.graph.GraphConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code custograph backup}: the whole graph into one verifiable archive. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Back up the whole graph (schema, nodes, relationships, every property, derived data "
                + "included) into one compressed archive with a manifest of counts and checksums. Works on the "
                + "embedded store and on an external server (through the driver).")
public final class BackupCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The archive to write (written as FILE.partial and renamed when complete).")
    Path out;

    @Option(names = "--since", paramLabel = "PREVIOUS",
            description = "Incremental: only what changed since this earlier archive (full or incremental) of the "
                    + "same database, with tombstones for what was deleted. Restore the chain in order.")
    Path since;

    @Mixin
    SigningKeyOptions signing;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() {
        Manifest manifest;
        dev.custograph.backup.SigningKey key = signing.key();
        try (GraphConnection db = connection.open()) {
            manifest = new Backup(db.graph(), key).write(out, connection.describe(), since);
        }
        if (!output.printed(manifest)) {
            if (manifest.kind().equals(dev.custograph.backup.Manifest.INCREMENTAL)) {
                System.out.printf("Backed up what changed since %s: %,d nodes and %,d relationships new or changed, "
                        + "%,d and %,d deleted, to %s in %.1f s%n", since, manifest.nodes(), manifest.relationships(),
                        manifest.nodesDeleted(), manifest.relationshipsDeleted(), out, manifest.seconds());
            } else {
                System.out.printf("Backed up %,d nodes and %,d relationships to %s in %.1f s%n", manifest.nodes(),
                        manifest.relationships(), out, manifest.seconds());
            }
            manifest.labels().forEach((label, count) -> System.out.printf("  :%-24s %,12d%n", label, count));
            manifest.types().forEach((type, count) -> System.out.printf("  [:%-22s] %,12d%n", type, count));
        }
        return 0;
    }
}
