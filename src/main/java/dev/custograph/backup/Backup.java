package dev.custograph.backup;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.custograph.graph.Graph;
import dev.custograph.graph.PortableValues;
import dev.custograph.progress.Progress;

/**
 * A full backup of the graph through the driver (so it works on the embedded store and on any external server
 * without access to its files): schema, every node and relationship with every property, derived data included,
 * in one {@link BackupArchive}.
 *
 * <p>Everything is read in one read transaction. The archive is written to {@code FILE.partial} and renamed to
 * {@code FILE} only when complete, so a backup that dies leaves no file that looks whole. Neo4j reads are
 * read-committed, so a write committed by another client during the backup could be caught half-way: the node and
 * relationship counts are read again at the end, and a backup during which they changed fails, saying so. On the
 * embedded default the command line opens the store alone, so nothing else writes.
 */
public final class Backup {

    private final Graph graph;

    public Backup(Graph graph) {
        this.graph = graph;
    }

    /** Writes the archive to {@code out} and returns its manifest; {@code source} is recorded in it. */
    public Manifest write(Path out, String source) {
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new BackupFailedException("--out " + out + ": directory " + parent + " does not exist");
        }
        Path partial = Path.of(out + ".partial");
        long started = System.nanoTime();
        Map<String, Object> versions = graph.readRows("backup/versions", Map.of()).get(0);
        Map<String, Long> labels = new TreeMap<>();
        Map<String, Long> types = new TreeMap<>();
        Map<String, Manifest.Entry> entries = new LinkedHashMap<>();
        long[] written = {0, 0};
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
            long[] counts = graph.inReadTransaction(tx -> {
                Map<String, Object> before = tx.readRows("backup/counts", Map.of()).get(0);
                long expectedTotal = (Long) before.get("nodes") + (Long) before.get("relationships");
                try (Progress progress = Progress.ofItems("Backing up", expectedTotal, "items")) {
                    Map<String, Object> schema = new LinkedHashMap<>();
                    schema.put("constraints", tx.readRows("backup/constraints", Map.of()));
                    schema.put("indexes", tx.readRows("backup/indexes", Map.of()));
                    entries.put(BackupArchive.SCHEMA, entry(zip, BackupArchive.SCHEMA,
                            writer -> writer.write(BackupArchive.JSON.writeValueAsString(schema) + "\n")));
                    entries.put(BackupArchive.NODES, entry(zip, BackupArchive.NODES, writer ->
                            written[0] = tx.readEach("backup/nodes", Map.of(), row -> {
                                @SuppressWarnings("unchecked")
                                List<String> nodeLabels = (List<String>) row.get("labels");
                                nodeLabels.forEach(label -> labels.merge(label, 1L, Long::sum));
                                line(writer, Map.of("k", row.get("id"), "l", nodeLabels, "p", portable(row)));
                                long done = ++written[1];
                                progress.update(done, done);
                            })));
                    entries.put(BackupArchive.RELATIONSHIPS, entry(zip, BackupArchive.RELATIONSHIPS, writer ->
                            tx.readEach("backup/relationships", Map.of(), row -> {
                                types.merge((String) row.get("type"), 1L, Long::sum);
                                line(writer, Map.of("t", row.get("type"), "s", row.get("start"), "e", row.get("end"),
                                        "p", portable(row)));
                                long done = ++written[1];
                                progress.update(done, done);
                            })));
                }
                Map<String, Object> after = tx.readRows("backup/counts", Map.of()).get(0);
                return new long[] {(Long) before.get("nodes"), (Long) before.get("relationships"),
                        (Long) after.get("nodes"), (Long) after.get("relationships")};
            });
            long nodesWritten = written[0];
            long relationshipsWritten = written[1] - written[0];
            if (counts[0] != counts[2] || counts[1] != counts[3] || nodesWritten != counts[0]
                    || relationshipsWritten != counts[1]) {
                throw new BackupFailedException("the graph changed while it was backed up (" + counts[0] + " -> "
                        + counts[2] + " nodes, " + counts[1] + " -> " + counts[3] + " relationships; "
                        + nodesWritten + " and " + relationshipsWritten + " written); stop the writers or try again");
            }
            Manifest manifest = new Manifest(Manifest.FORMAT, OffsetDateTime.now(ZoneOffset.UTC).toString(),
                    appVersion(), versions.get("name") + " " + versions.get("version") + " " + versions.get("edition"),
                    source, counts[0], counts[1], labels, types, entries, (System.nanoTime() - started) / 1e9);
            zip.putNextEntry(new ZipEntry(BackupArchive.MANIFEST));
            zip.write(BackupArchive.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.finish();
            zip.close();
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } catch (IOException | UncheckedIOException e) {
            throw new BackupFailedException("cannot write " + out + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // Best effort: a stale .partial never looks like a finished archive.
            }
        }
    }

    private interface EntryWriter {
        void write(Writer writer) throws IOException;
    }

    private Manifest.Entry entry(ZipOutputStream zip, String name, EntryWriter content) {
        try {
            zip.putNextEntry(new ZipEntry(name));
            BackupArchive.DigestingOutput digest = new BackupArchive.DigestingOutput(zip);
            Writer writer = new BufferedWriter(new OutputStreamWriter(digest, StandardCharsets.UTF_8), 1 << 16);
            content.write(writer);
            writer.flush();
            zip.closeEntry();
            return digest.entry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(Writer writer, Map<String, Object> row) {
        try {
            writer.write(BackupArchive.JSON.writeValueAsString(row));
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> portable(Map<String, Object> row) {
        Map<String, Object> properties = new TreeMap<>();
        ((Map<String, Object>) row.get("properties")).forEach((key, value) ->
                properties.put(key, PortableValues.encode(value)));
        return properties;
    }

    static String appVersion() {
        String version = Backup.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
