package dev.custograph.backup;

import java.util.Map;

/**
 * What a backup archive holds, written as {@code manifest.json}, its last entry: when and from where it was taken,
 * with which versions, how many nodes per label and relationships per type, and each other entry's SHA-256 and size
 * (of its uncompressed bytes), which {@link BackupArchive#verify} checks before anything is restored.
 */
public record Manifest(String format, String createdAt, String appVersion, String neo4jVersion, String source,
                       long nodes, long relationships, Map<String, Long> labels, Map<String, Long> types,
                       Map<String, Entry> entries, double seconds) {

    public static final String FORMAT = "custograph-backup/1";

    /** One entry's checksum and size. */
    public record Entry(String sha256, long bytes) {
    }
}
