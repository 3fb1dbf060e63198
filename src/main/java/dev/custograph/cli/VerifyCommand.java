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
    SigningKeyOptions signing;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() {
        dev.custograph.backup.SigningKey key = signing.key();
        Manifest manifest = BackupArchive.verify(in, key);
        String signature = key != null ? "signed with the given key"
                : BackupArchive.signed(in) ? "signed, signature not checked (give --signing-key-file)" : "not signed";
        // The manifest's fields as before, and what was found of a signature.
        java.util.Map<String, Object> report = new java.util.LinkedHashMap<>(tools.jackson.databind.json.JsonMapper
                .builder().build().convertValue(manifest, java.util.Map.class));
        report.put("signature", signature);
        if (!output.printed(report)) {
            System.out.printf("%s is sound: %,d nodes and %,d relationships, taken %s from %s (%s, Custograph %s); "
                    + "%s%n", in, manifest.nodes(), manifest.relationships(), manifest.createdAt(), manifest.source(),
                    manifest.neo4jVersion(), manifest.appVersion(), signature);
        }
        return 0;
    }
}
