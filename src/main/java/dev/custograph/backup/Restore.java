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
import dev.custograph.graph.PortableValues;
import dev.custograph.progress.Progress;

/**
 * Restores a {@link BackupArchive} into an empty database: checks the whole archive first (checksums, sizes, line
 * counts), refuses a target that holds anything but schema migration records, then creates the schema, the nodes
 * and the relationships in batches, and checks the counts against the manifest. A restore that fails part-way
 * deletes what it wrote, so the target is empty again.
 */
public final class Restore {

    /** What a restore did. */
    public record Report(Path archive, long nodes, long relationships, List<String> schemaCreated, double seconds) {
    }

    private static final int BATCH = 5_000;
    /** The only statements a restore runs from an archive's schema: creating a constraint or an index. */
    private static final Pattern SCHEMA_STATEMENT = Pattern.compile(
            "(?s)CREATE (CONSTRAINT|(RANGE |TEXT |POINT |FULLTEXT |VECTOR )?INDEX) `?[A-Za-z0-9_]+`?( IF NOT EXISTS)? "
                    + "FOR .*");

    private final Graph graph;

    public Restore(Graph graph) {
        this.graph = graph;
    }

    public Report restore(Path archive) {
        long started = System.nanoTime();
        Manifest manifest = BackupArchive.verify(archive);
        long present = graph.readLong("restore/graph-contents", Map.of());
        if (present > 0) {
            throw new BackupFailedException("the target database holds " + present
                    + " nodes; restore goes into an empty database (a new --data-dir, or an emptied server)");
        }
        List<String> created = new ArrayList<>();
        boolean wrote = false;
        try (ZipFile zip = new ZipFile(archive.toFile());
             Progress progress = Progress.ofItems("Restoring", manifest.nodes() + manifest.relationships(), "items")) {
            created.addAll(schema(zip));
            graph.write("restore/delete-migration-records", Map.of());
            graph.writeEach("restore/create-key-index", List.of(graph.catalogue().text("restore/create-key-index")));
            graph.readRows("restore/await-indexes", Map.of());
            wrote = true;
            long[] done = {0, 0};
            List<Map<String, Object>> batch = new ArrayList<>();
            BackupArchive.readLines(zip, BackupArchive.NODES, row -> {
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
            BackupArchive.readLines(zip, BackupArchive.RELATIONSHIPS, row -> {
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
            graph.writeEach("restore/drop-key-index", List.of(graph.catalogue().text("restore/drop-key-index")));
            if (done[0] != manifest.nodes() || done[1] != manifest.relationships()) {
                throw new BackupFailedException(archive + ": restored " + done[0] + " nodes and " + done[1]
                        + " relationships; the manifest says " + manifest.nodes() + " and "
                        + manifest.relationships());
            }
            return new Report(archive, done[0], done[1], created, (System.nanoTime() - started) / 1e9);
        } catch (IOException e) {
            throw undo(wrote, new BackupFailedException(archive + " cannot be read: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            throw undo(wrote, e);
        }
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
    @SuppressWarnings("unchecked")
    private List<String> schema(ZipFile zip) throws IOException {
        Set<String> existing = new HashSet<>();
        for (String names : List.of("restore/index-names", "restore/constraint-names")) {
            graph.readRows(names, Map.of()).forEach(row -> existing.add((String) row.get("name")));
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
            graph.writeEach("restore/archive-schema", statements);
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
                graph.writeEach("restore/drop-key-index", List.of(graph.catalogue().text("restore/drop-key-index")));
            } catch (RuntimeException cleanup) {
                failure.addSuppressed(cleanup);
            }
        }
        return failure;
    }
}
