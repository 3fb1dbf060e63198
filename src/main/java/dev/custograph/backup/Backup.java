package dev.custograph.backup;

import dev.custograph.files.PrivateFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.custograph.graph.Graph;
import dev.custograph.graph.Row;
import dev.custograph.graph.PortableValues;
import dev.custograph.progress.Progress;

/**
 * A backup of the graph through the driver (so it works on the embedded store and on any external server without
 * access to its files): schema, every node and relationship with every property, derived data included, in one
 * {@link BackupArchive}.
 *
 * <p><b>Full or incremental.</b> Every archive carries an index of the whole graph at that moment: each node's and
 * relationship's id with a hash of its content. An incremental backup ({@code --since PREVIOUS}) reads the previous
 * archive's index and writes only the nodes and relationships that are new or whose labels, type or properties
 * changed, plus a tombstone for each one that is gone. Changes are found by comparing content, not by timestamps
 * kept on writes, so a change made anywhere (an import, the API, an analyst in Neo4j Browser) is caught. Ids are the
 * database's element ids: a chain of backups belongs to one database.
 *
 * <p>Everything is read in one read transaction. The archive is written to {@code FILE.partial} and renamed to
 * {@code FILE} only when complete, so a backup that dies leaves no file that looks whole. Neo4j reads are
 * read-committed, so a write committed by another client during the backup could be caught half-way: the node and
 * relationship counts are read again at the end, and a backup during which they changed fails, saying so. On the
 * embedded default the command line opens the store alone, so nothing else writes.
 */
public final class Backup {

    private final Graph graph;

    private final SigningKey signingKey;

    public Backup(Graph graph) {
        this(graph, null);
    }

    /** Backups signed with {@code signingKey} (null: unsigned). */
    public Backup(Graph graph, SigningKey signingKey) {
        this.graph = graph;
        this.signingKey = signingKey;
    }

    /** A full backup to {@code out}; {@code source} is recorded in the manifest. */
    public Manifest write(Path out, String source) {
        return write(out, source, null);
    }

    /** A backup to {@code out}: incremental since the archive {@code since}, or full when it is null. */
    public Manifest write(Path out, String source, Path since) {
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new BackupFailedException("--out " + out + ": directory " + parent + " does not exist");
        }
        Manifest base = since == null ? null : BackupArchive.verify(since, signingKey);
        Map<String, String> previous = since == null ? new HashMap<>() : BackupArchive.index(since);
        Path partial = Path.of(out + ".partial");
        Path indexFile = Path.of(out + ".index.partial");
        long started = System.nanoTime();
        Row versions = graph.rows("backup/versions", Map.of()).get(0);
        Map<String, Long> labels = new TreeMap<>();
        Map<String, Long> types = new TreeMap<>();
        Map<String, Manifest.Entry> entries = new LinkedHashMap<>();
        long[] seen = {0, 0};
        long[] changed = {0, 0};
        try (ZipOutputStream zip = new ZipOutputStream(PrivateFiles.newOutputStream(partial));
             BackupArchive.DigestingOutput indexDigest = new BackupArchive.DigestingOutput(
                     PrivateFiles.newOutputStream(indexFile), true);
             Writer index = new BufferedWriter(new OutputStreamWriter(indexDigest, StandardCharsets.UTF_8), 1 << 16)) {
            long[] counts = graph.inReadTransaction(tx -> {
                Row before = tx.readRows("backup/counts", Map.of()).get(0);
                long expectedTotal = before.longValue("nodes") + before.longOrNull("relationships");
                try (Progress progress = Progress.ofItems("Backing up", expectedTotal, "items")) {
                    Map<String, Object> schema = new LinkedHashMap<>();
                    schema.put("constraints", tx.readRows("backup/constraints", Map.of()).stream().map(Row::asMap).toList());
                    schema.put("indexes", tx.readRows("backup/indexes", Map.of()).stream().map(Row::asMap).toList());
                    entries.put(BackupArchive.SCHEMA, entry(zip, BackupArchive.SCHEMA,
                            writer -> writer.write(BackupArchive.JSON.writeValueAsString(schema) + "\n")));
                    entries.put(BackupArchive.NODES, entry(zip, BackupArchive.NODES, writer ->
                            tx.readEach("backup/nodes", Map.of(), row -> {
                                List<String> nodeLabels = row.strings("labels");
                                Map<String, Object> line = new LinkedHashMap<>();
                                line.put("k", row.string("id"));
                                line.put("l", nodeLabels);
                                line.put("p", portable(row));
                                if (record(index, previous, "n", line, writer)) {
                                    nodeLabels.forEach(label -> labels.merge(label, 1L, Long::sum));
                                    changed[0]++;
                                }
                                seen[0]++;
                                progress.update(seen[0] + seen[1], seen[0] + seen[1]);
                            })));
                    entries.put(BackupArchive.RELATIONSHIPS, entry(zip, BackupArchive.RELATIONSHIPS, writer ->
                            tx.readEach("backup/relationships", Map.of(), row -> {
                                Map<String, Object> line = new LinkedHashMap<>();
                                line.put("k", row.string("id"));
                                line.put("t", row.string("type"));
                                line.put("s", row.string("start"));
                                line.put("e", row.string("end"));
                                line.put("p", portable(row));
                                if (record(index, previous, "r", line, writer)) {
                                    types.merge(row.string("type"), 1L, Long::sum);
                                    changed[1]++;
                                }
                                seen[1]++;
                                progress.update(seen[0] + seen[1], seen[0] + seen[1]);
                            })));
                }
                Row after = tx.readRows("backup/counts", Map.of()).get(0);
                return new long[] {before.longOrNull("nodes"), before.longOrNull("relationships"),
                        after.longOrNull("nodes"), after.longOrNull("relationships")};
            });
            if (counts[0] != counts[2] || counts[1] != counts[3] || seen[0] != counts[0] || seen[1] != counts[1]) {
                throw new BackupFailedException("the graph changed while it was backed up (" + counts[0] + " -> "
                        + counts[2] + " nodes, " + counts[1] + " -> " + counts[3] + " relationships; "
                        + seen[0] + " and " + seen[1] + " read); stop the writers or try again");
            }
            // What the previous index holds and this backup did not see is gone: a tombstone each.
            long[] deleted = {0, 0};
            entries.put(BackupArchive.DELETED, entry(zip, BackupArchive.DELETED, writer -> {
                for (String key : previous.keySet()) {
                    boolean node = key.startsWith("n:");
                    writer.write(BackupArchive.JSON.writeValueAsString(Map.of(node ? "n" : "r", key.substring(2))));
                    writer.write('\n');
                    deleted[node ? 0 : 1]++;
                }
            }));
            index.flush();
            indexDigest.close();
            zip.putNextEntry(new ZipEntry(BackupArchive.INDEX));
            Files.copy(indexFile, zip);
            zip.closeEntry();
            entries.put(BackupArchive.INDEX, indexDigest.entry());
            Manifest manifest = new Manifest(Manifest.FORMAT, base == null ? Manifest.FULL : Manifest.INCREMENTAL,
                    UUID.randomUUID().toString(), base == null ? null : base.archiveId(),
                    OffsetDateTime.now(ZoneOffset.UTC).toString(), appVersion(),
                    versions.string("name") + " " + versions.string("version") + " " + versions.string("edition"), source,
                    changed[0], changed[1], deleted[0], deleted[1], seen[0], seen[1], labels, types, entries,
                    (System.nanoTime() - started) / 1e9);
            byte[] manifestBytes = BackupArchive.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
            zip.putNextEntry(new ZipEntry(BackupArchive.MANIFEST));
            zip.write(manifestBytes);
            zip.closeEntry();
            if (signingKey != null) {
                zip.putNextEntry(new ZipEntry(BackupArchive.SIGNATURE));
                zip.write(signingKey.sign(manifestBytes).getBytes(StandardCharsets.US_ASCII));
                zip.closeEntry();
            }
            zip.finish();
            zip.close();
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } catch (IOException | UncheckedIOException e) {
            throw new BackupFailedException("cannot write " + out + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
                Files.deleteIfExists(indexFile);
            } catch (IOException e) {
                // Best effort: a stale .partial never looks like a finished archive.
            }
        }
    }

    /**
     * Adds an item to the index and, when it is new or changed since the previous index, writes its line; returns
     * whether it did. Removes the item from {@code previous}, so what is left there at the end was deleted.
     */
    private static boolean record(Writer index, Map<String, String> previous, String kind, Map<String, Object> line,
                                  Writer data) {
        try {
            String text = BackupArchive.JSON.writeValueAsString(line);
            String key = (String) line.get("k");
            String hash = HexFormat.of().formatHex(BackupArchive.sha256().digest(text.getBytes(StandardCharsets.UTF_8)),
                    0, 8);
            index.write(BackupArchive.JSON.writeValueAsString(Map.of(kind, key, "h", hash)));
            index.write('\n');
            String before = previous.remove(kind + ":" + key);
            if (hash.equals(before)) {
                return false;
            }
            data.write(text);
            data.write('\n');
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface EntryWriter {
        void write(Writer writer) throws IOException;
    }

    private Manifest.Entry entry(ZipOutputStream zip, String name, EntryWriter content) {
        try {
            zip.putNextEntry(new ZipEntry(name));
            BackupArchive.DigestingOutput digest = new BackupArchive.DigestingOutput(zip, false);
            Writer writer = new BufferedWriter(new OutputStreamWriter(digest, StandardCharsets.UTF_8), 1 << 16);
            content.write(writer);
            writer.flush();
            zip.closeEntry();
            return digest.entry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A row's {@code properties} in portable form, sorted by name (so equal content writes equal text). */
    static Map<String, Object> portable(Row row) {
        Map<String, Object> properties = new TreeMap<>();
        row.map("properties").forEach((key, value) ->
                properties.put(key, PortableValues.encode(value)));
        return properties;
    }

    static String appVersion() {
        String version = Backup.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

}
