package dev.custograph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.custograph.backup.BackupArchive;
import dev.custograph.backup.Manifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code custograph verify}: checks an archive without restoring it (no database needed). */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check a backup archive without restoring it: complete, every entry's checksum, size and "
                + "count as its manifest says. Exit 0 when it is sound.")
public final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "The archive to check.")
    Path in;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() {
        Manifest manifest = BackupArchive.verify(in);
        if (!output.printed(manifest)) {
            System.out.printf("%s is sound: %,d nodes and %,d relationships, taken %s from %s (%s, Custograph %s)%n",
                    in, manifest.nodes(), manifest.relationships(), manifest.createdAt(), manifest.source(),
                    manifest.neo4jVersion(), manifest.appVersion());
        }
        return 0;
    }
}
