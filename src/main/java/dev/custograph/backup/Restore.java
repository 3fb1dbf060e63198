package dev.custograph.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import dev.custograph.graph.Graph;
import dev.custograph.graph.GraphChange;
import dev.custograph.graph.PortableValues;
import dev.custograph.progress.Progress;

/**
 * Restores a {@link BackupArchive}, or a chain of them (a full backup and the incremental ones that follow it, in
 * order), into an empty database: checks every archive first (checksums, sizes, line counts, and that each
 * incremental one follows the one before it), refuses a target that holds anything but schema migration records,
 * then creates the schema, the nodes and the relationships in batches, and checks the counts against the last
 * manifest. Of a chain, each node or relationship is written once, from the last archive that holds it; one that a
 * later archive deleted is not written. A restore that fails part-way deletes what it wrote, so the target is empty
 * again.
 */
public final class Restore {

    /** A restore may change anything: every cache drops everything. */
    private static final GraphChange RESTORED = new GraphChange.Unannounced("restore");

    /** What a restore did. */
    public record Report(List<Path> archives, long nodes, long relationships, List<String> schemaCreated,
                         double seconds) {
    }

    private static final int BATCH = 5_000;
    /** The only statements a restore runs from an archive's schema: creating a constraint or an index. */
    private static final Pattern SCHEMA_STATEMENT = Pattern.compile(
            "(?s)CREATE (CONSTRAINT|(RANGE |TEXT |POINT |FULLTEXT |VECTOR )?INDEX) `?[A-Za-z0-9_]+`?( IF NOT EXISTS)? "
                    + "FOR .*");

    private final Graph graph;
    private final SigningKey signingKey;

    public Restore(Graph graph) {
        this(graph, null);
    }

    /** Restores only archives signed with {@code signingKey} (null: signatures are not checked). */
    public Restore(Graph graph, SigningKey signingKey) {
        this.graph = graph;
        this.signingKey = signingKey;
    }

    public Report restore(Path archive) {
        return restore(List.of(archive));
    }

    public Report restore(List<Path> archives) {
        long started = System.nanoTime();
        if (archives.isEmpty()) {
            throw new BackupFailedException("--in: give the archive to restore (a full backup, then its incremental ones)");
        }
        List<Manifest> manifests = new ArrayList<>();
        for (Path archive : archives) {
            manifests.add(BackupArchive.verify(archive, signingKey));
        }
        checkChain(archives, manifests);
        Manifest last = manifests.get(manifests.size() - 1);
        long present = graph.readLong("restore/graph-contents", Map.of());
        if (present > 0) {
            throw new BackupFailedException(String.format("the target database holds %,d nodes; restore goes into an "
                    + "empty database (a new --data-dir, or an emptied server)", present));
        }
        // What each archive must skip: what a later archive of the chain holds anew or deleted.
        List<Set<String>> superseded = superseded(archives);
        List<String> created = new ArrayList<>();
        boolean wrote = false;
        try (Progress progress = Progress.ofItems("Restoring", last.nodesTotal() + last.relationshipsTotal(),
                "items")) {
            try (ZipFile zip = new ZipFile(archives.get(archives.size() - 1).toFile())) {
                created.addAll(schema(zip));
            }
            graph.write("restore/delete-bookkeeping", Map.of());
            graph.writeEach("restore/create-key-index", List.of(graph.catalogue().text("restore/create-key-index")),
                    RESTORED);
            graph.rows("restore/await-indexes", Map.of());
            wrote = true;
            long[] done = {0, 0};
            List<Map<String, Object>> batch = new ArrayList<>();
            forEachCurrent(archives, superseded, BackupArchive.NODES, "n:", row -> {
                Map<String, Object> node = new HashMap<>();
                node.put("key", row.get("k"));
                node.put("labels", row.get("l"));
                node.put("properties", properties(row));
                batch.add(node);
                if (batch.size() == BATCH) {
                    done[0] += writeNodes(batch);
                    progress.update(done[0], done[0]);
                }
            });
            done[0] += writeNodes(batch);
            forEachCurrent(archives, superseded, BackupArchive.RELATIONSHIPS, "r:", row -> {
                Map<String, Object> relationship = new HashMap<>();
                relationship.put("type", row.get("t"));
                relationship.put("start", row.get("s"));
                relationship.put("end", row.get("e"));
                relationship.put("properties", properties(row));
                batch.add(relationship);
                if (batch.size() == BATCH) {
                    done[1] += writeRelationships(batch);
                    progress.update(done[0] + done[1], done[0] + done[1]);
                }
            });
            done[1] += writeRelationships(batch);
            while (graph.writeReturningLong("restore/clear-marks", Map.of("limit", 50_000)) > 0) {
                // Batches, so a large restore does not clear its marks in one huge transaction.
            }
            graph.writeEach("restore/drop-key-index", List.of(graph.catalogue().text("restore/drop-key-index")),
                    RESTORED);
            if (done[0] != last.nodesTotal() || done[1] != last.relationshipsTotal()) {
                throw new BackupFailedException("restored " + done[0] + " nodes and " + done[1]
                        + " relationships; the last manifest says the graph held " + last.nodesTotal() + " and "
                        + last.relationshipsTotal());
            }
            return new Report(archives, done[0], done[1], created, (System.nanoTime() - started) / 1e9);
        } catch (IOException e) {
            throw undo(wrote, new BackupFailedException("cannot read the archives: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            throw undo(wrote, e);
        }
    }

    /**
     * Hands each line of {@code entry} of every archive, in order, to {@code each}, leaving out the items a later
     * archive holds anew or deleted ({@code superseded}, keys prefixed with {@code prefix}).
     */
    private static void forEachCurrent(List<Path> archives, List<Set<String>> superseded, String entry, String prefix,
                                       java.util.function.Consumer<Map<String, Object>> each) throws IOException {
        for (int i = 0; i < archives.size(); i++) {
            Set<String> skip = superseded.get(i);
            try (ZipFile zip = new ZipFile(archives.get(i).toFile())) {
                BackupArchive.readLines(zip, entry, row -> {
                    if (!skip.contains(prefix + row.get("k"))) {
                        each.accept(row);
                    }
                });
            }
        }
    }

    /** The first archive is a full backup, and each next one an incremental backup of the one before it. */
    private static void checkChain(List<Path> archives, List<Manifest> manifests) {
        if (!Manifest.FULL.equals(manifests.get(0).kind())) {
            throw new BackupFailedException(archives.get(0) + " is an incremental backup; give its full backup first,"
                    + " then each incremental one in order");
        }
        for (int i = 1; i < manifests.size(); i++) {
            Manifest m = manifests.get(i);
            if (!Manifest.INCREMENTAL.equals(m.kind())) {
                throw new BackupFailedException(archives.get(i) + " is a full backup; only the first archive may be");
            }
            if (!manifests.get(i - 1).archiveId().equals(m.baseId())) {
                throw new BackupFailedException(archives.get(i) + " follows the backup " + m.baseId() + ", not "
                        + archives.get(i - 1) + " (" + manifests.get(i - 1).archiveId() + "): give the chain in order,"
                        + " with none left out");
            }
        }
    }

    /** For each archive, the keys ({@code n:id}, {@code r:id}) that the archives after it wrote anew or deleted. */
    private static List<Set<String>> superseded(List<Path> archives) {
        List<Set<String>> result = new ArrayList<>();
        Set<String> later = new HashSet<>();
        for (int i = archives.size() - 1; i >= 0; i--) {
            result.add(0, Set.copyOf(later));
            if (i == 0) {
                break;
            }
            try (ZipFile zip = new ZipFile(archives.get(i).toFile())) {
                BackupArchive.readLines(zip, BackupArchive.NODES, row -> later.add("n:" + row.get("k")));
                BackupArchive.readLines(zip, BackupArchive.RELATIONSHIPS, row -> later.add("r:" + row.get("k")));
                BackupArchive.readLines(zip, BackupArchive.DELETED, row -> later.add(row.containsKey("n")
                        ? "n:" + row.get("n") : "r:" + row.get("r")));
            } catch (IOException e) {
                throw new BackupFailedException(archives.get(i) + " cannot be read: " + e.getMessage(), e);
            }
        }
        return result;
    }

    private long writeNodes(List<Map<String, Object>> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        long nodes = graph.write("restore/create-nodes", Map.of("rows", List.copyOf(batch))).nodesCreated();
        batch.clear();
        return nodes;
    }

    private long writeRelationships(List<Map<String, Object>> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        int expected = batch.size();
        long created = graph.write("restore/create-relationships", Map.of("rows", List.copyOf(batch)))
                .relationshipsCreated();
        batch.clear();
        if (created != expected) {
            throw new BackupFailedException("a relationship's end node is not in the archive (" + created + " of "
                    + expected + " in a batch restored): the archive is inconsistent");
        }
        return created;
    }

    /** Creates the archive's constraints and indexes the target lacks; returns their names. */
    private List<String> schema(ZipFile zip) throws IOException {
        Set<String> existing = new HashSet<>();
        for (String names : List.of("restore/index-names", "restore/constraint-names")) {
            graph.rows(names, Map.of()).forEach(row -> existing.add(row.string("name")));
        }
        List<String> names = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        BackupArchive.readLines(zip, BackupArchive.SCHEMA, schema -> {
            for (String kind : List.of("constraints", "indexes")) {
                for (Map<String, Object> item : (List<Map<String, Object>>) schema.get(kind)) {
                    String name = (String) item.get("name");
                    String statement = (String) item.get("createStatement");
                    if (existing.contains(name)) {
                        continue;
                    }
                    if (!SCHEMA_STATEMENT.matcher(statement).matches()) {
                        throw new BackupFailedException("the archive's schema holds a statement that is not a "
                                + "constraint or index definition: " + statement);
                    }
                    names.add(name);
                    statements.add(statement);
                }
            }
        });
        if (!statements.isEmpty()) {
            graph.writeEach("restore/archive-schema", statements, RESTORED);
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> row) {
        return PortableValues.decodeAll((Map<String, Object>) row.get("p"));
    }

    /** Empties the target again after a failed restore (it was empty before) and returns the failure. */
    private RuntimeException undo(boolean wrote, RuntimeException failure) {
        if (wrote) {
            try {
                while (graph.writeReturningLong("restore/delete-batch", Map.of("limit", 10_000)) > 0) {
                    // Batches keep each transaction small.
                }
                graph.writeEach("restore/drop-key-index", List.of(graph.catalogue().text("restore/drop-key-index")),
                        RESTORED);
            } catch (RuntimeException cleanup) {
                failure.addSuppressed(cleanup);
            }
        }
        return failure;
    }
}
