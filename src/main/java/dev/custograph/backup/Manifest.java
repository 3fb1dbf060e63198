package dev.custograph.backup;

import java.util.Map;

/**
 * What a backup archive holds, written as {@code manifest.json}, its last entry: what kind of backup it is and which
 * one it follows, when and from where it was taken, with which versions, how many nodes per label and relationships
 * per type it holds, and each other entry's SHA-256 and size (of its uncompressed bytes), which
 * {@link BackupArchive#verify} checks before anything is restored.
 *
 * @param kind          {@code full}, or {@code incremental}: only what changed since the archive {@code baseId}
 * @param archiveId     this archive's id, which the next incremental backup names as its base
 * @param nodes         nodes in {@code nodes.jsonl}: all of them (full) or the new and changed ones (incremental)
 * @param relationships likewise for {@code relationships.jsonl}
 * @param nodesDeleted  nodes deleted since the base ({@code deleted.jsonl}); 0 for a full backup
 * @param nodesTotal    nodes in the graph when the backup was taken (the index's node lines)
 */
public record Manifest(String format, String kind, String archiveId, String baseId, String createdAt,
                       String appVersion, String neo4jVersion, String source, long nodes, long relationships,
                       long nodesDeleted, long relationshipsDeleted, long nodesTotal, long relationshipsTotal,
                       Map<String, Long> labels, Map<String, Long> types, Map<String, Entry> entries,
                       double seconds) {

    public static final String FORMAT = "custograph-backup/1";
    public static final String FULL = "full";
    public static final String INCREMENTAL = "incremental";

    /** One entry's checksum and size. */
    public record Entry(String sha256, long bytes) {
    }
}
