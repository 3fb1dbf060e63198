package dev.custograph.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import dev.custograph.TestData;
import dev.custograph.analytics.ValueAnalysis;
import dev.custograph.analytics.segment.Segmentation;
import dev.custograph.graph.GraphConnection;
import dev.custograph.ingest.BulkImport;
import dev.custograph.ingest.Importer;
import dev.custograph.model.ValueRules;
import dev.custograph.recommend.AssociationRules;
import dev.custograph.recommend.SimilarCustomers;
import dev.custograph.recommend.SimilarityMeasure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * A backup restores to the same graph: Northwind and a month of Online Retail with every derived result (values,
 * segments, rules, SIMILAR) and a node holding every property type, backed up, restored into a fresh store, and
 * compared by a content hash of every node, relationship and property. Damaged archives are refused before anything
 * is written, and a restore that fails part-way leaves the target empty.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRestoreIT {

    @TempDir
    static Path temp;

    GraphConnection source;
    Path archive;
    Manifest manifest;

    @BeforeAll
    void importAnalyseAndBackUp() {
        // Online Retail goes into the empty store in bulk, Northwind on top of it through transactions: the archive
        // holds what both write paths make.
        new BulkImport(temp.resolve("source"), ValueRules.DateWindow.DEFAULT).run("online-retail", null,
                List.of(Path.of("..", "shared", "data", "online_retail", "online_retail_2010-12.csv.gz")),
                temp.resolve("rejects.csv"));
        source = GraphConnection.open(temp.resolve("source"), null, null, null);
        new Importer(source.graph()).run("northwind", List.of(TestData.northwind()));
        new ValueAnalysis(source.graph()).run(ValueAnalysis.Parameters.defaults(), value -> {
        });
        new Segmentation(source.graph()).run(Segmentation.Parameters.defaults());
        new AssociationRules(source.graph()).run(AssociationRules.Parameters.pairs(0.01, 0.2, 0, 1000, true));
        new SimilarCustomers(source.graph()).materialise(5, SimilarityMeasure.COSINE);
        source.graph().write("test/odd-values", Map.of());
        archive = temp.resolve("graph.zip");
        manifest = new Backup(source.graph()).write(archive, "test");
        assertThat(dev.custograph.files.PrivateFiles.isOwnerOnly(archive)).as("a backup holds every customer").isTrue();
    }

    @AfterAll
    void close() {
        source.close();
    }

    @Test
    void aRestoredGraphHasTheSameContentHashAsTheOriginal() {
        String original = ContentHash.of(source.graph());
        assertThat(manifest.types()).containsKeys("SIMILAR", "BOUGHT_WITH", "IN_SEGMENT", "PLACED", "CONTAINS");
        assertThat(manifest.labels()).containsKeys("Customer", "Order", "Segment", "OddValues");
        assertThat(original).startsWith(manifest.nodes() + ":" + manifest.relationships() + ":");

        try (GraphConnection target = GraphConnection.open(temp.resolve("restored"), null, null, null)) {
            Restore.Report report = new Restore(target.graph()).restore(archive);
            assertThat(report.nodes()).isEqualTo(manifest.nodes());
            assertThat(report.relationships()).isEqualTo(manifest.relationships());
            assertThat(ContentHash.of(target.graph())).isEqualTo(original);
            // The odd values came back as their own types, not as text.
            Map<String, Object> odd = target.graph().readRows("test/odd-value-types", Map.of()).get(0);
            assertThat(odd).containsEntry("day", "Date").containsEntry("at", "ZonedDateTime")
                    .containsEntry("took", "Duration").containsEntry("where", "Point")
                    .containsEntry("notANumber", "NaN");
            assertThatThrownBy(() -> new Restore(target.graph()).restore(archive))
                    .hasMessageContaining("the target database holds");
        }
    }

    @Test
    void verifyRefusesTruncatedAndCorruptArchives() throws IOException {
        assertThat(BackupArchive.verify(archive)).isEqualTo(manifest);
        byte[] bytes = Files.readAllBytes(archive);
        Path truncated = temp.resolve("truncated.zip");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> BackupArchive.verify(truncated)).isInstanceOf(BackupFailedException.class)
                .hasMessageContaining("truncated.zip is truncated or not a backup archive");

        Path changed = rewrite("changed.zip", (name, content) -> name.equals(BackupArchive.NODES)
                ? new String(content, StandardCharsets.UTF_8)
                .replace("\"Alfreds Futterkiste\"", "\"Alfred's Futterkiste\"").getBytes(StandardCharsets.UTF_8)
                : content, false);
        assertThatThrownBy(() -> BackupArchive.verify(changed)).hasMessageContaining("entry nodes.jsonl is corrupt");

        try (GraphConnection target = GraphConnection.open(temp.resolve("refused"), null, null, null)) {
            assertThatThrownBy(() -> new Restore(target.graph()).restore(changed))
                    .hasMessageContaining("entry nodes.jsonl is corrupt");
            assertThat(target.graph().readLong("restore/graph-contents", Map.of())).isZero();
        }
        assertThatThrownBy(() -> BackupArchive.verify(temp.resolve("missing.zip")))
                .hasMessageContaining("no such file");
    }

    @Test
    void aSignedArchiveChangedAfterItWasWrittenIsRefusedEvenWithItsChecksumsRecomputed() throws IOException {
        SigningKey key = SigningKey.of("backup-signing-key-0123", "test");
        Path signed = temp.resolve("signed.zip");
        new Backup(source.graph(), key).write(signed, "test");
        assertThat(BackupArchive.verify(signed, key).nodes()).isEqualTo(manifest.nodes());
        assertThat(BackupArchive.signed(signed)).isTrue();
        assertThatThrownBy(() -> BackupArchive.verify(signed, SigningKey.of("another-key-0123456789", "test")))
                .hasMessageContaining("the signature does not match the signing key");
        assertThatThrownBy(() -> BackupArchive.verify(archive, key)).hasMessageContaining("graph.zip is not signed");

        // A name changed, the manifest's SHA-256 and size recomputed: the checksums alone cannot tell.
        Path tampered = rewrite(signed, "tampered.zip", (name, content) -> name.equals(BackupArchive.NODES)
                ? new String(content, StandardCharsets.UTF_8)
                .replace("\"Alfreds Futterkiste\"", "\"Alfred's Futterkiste\"").getBytes(StandardCharsets.UTF_8)
                : content, true);
        assertThat(BackupArchive.verify(tampered).nodes()).as("unsigned checks pass").isEqualTo(manifest.nodes());
        assertThatThrownBy(() -> BackupArchive.verify(tampered, key))
                .hasMessageContaining("tampered.zip: the signature does not match the signing key");
        try (GraphConnection target = GraphConnection.open(temp.resolve("tampered"), null, null, null)) {
            assertThatThrownBy(() -> new Restore(target.graph(), key).restore(tampered))
                    .hasMessageContaining("the signature does not match");
            assertThat(target.graph().readLong("restore/graph-contents", Map.of())).isZero();
        }
    }

    @Test
    void aRestoreThatFailsPartWayLeavesTheTargetEmpty() throws IOException {
        // A customer left out, with the manifest made to match: verification passes, the restore cannot.
        Path inconsistent = rewrite("inconsistent.zip", (name, content) -> {
            if (!name.equals(BackupArchive.NODES)) {
                return content;
            }
            String text = new String(content, StandardCharsets.UTF_8);
            int cut = text.indexOf("\"Customer\"");
            int start = text.lastIndexOf('\n', cut) + 1;
            int end = text.indexOf('\n', cut) + 1;
            return (text.substring(0, start) + text.substring(end)).getBytes(StandardCharsets.UTF_8);
        }, true);
        try (GraphConnection target = GraphConnection.open(temp.resolve("failed"), null, null, null)) {
            assertThatThrownBy(() -> new Restore(target.graph()).restore(inconsistent))
                    .hasMessageContaining("end node is not in the archive");
            assertThat(target.graph().readLong("restore/graph-contents", Map.of())).isZero();
        }
    }

    @Test
    void aChainOfIncrementalBackupsRestoresToTheSameGraph() {
        try (GraphConnection db = GraphConnection.open(temp.resolve("chain-source"), null, null, null)) {
            new Importer(db.graph()).run("northwind", List.of(TestData.northwind()));
            Path full = temp.resolve("chain-0.zip");
            Path first = temp.resolve("chain-1.zip");
            Path second = temp.resolve("chain-2.zip");
            Manifest base = new Backup(db.graph()).write(full, "chain");

            db.graph().write("test/incremental-changes", Map.of("customerId", "ALFKI", "orderId", "10248"));
            Manifest one = new Backup(db.graph()).write(first, "chain", full);
            assertThat(one.kind()).isEqualTo(Manifest.INCREMENTAL);
            assertThat(one.baseId()).isEqualTo(base.archiveId());
            // Changed: ALFKI's name; new: one node. Deleted: order 10248 (3 lines, PLACED) and one IN_CATEGORY.
            assertThat(one.nodes()).isEqualTo(2);
            assertThat(one.relationships()).isEqualTo(1);
            assertThat(one.nodesDeleted()).isEqualTo(1);
            assertThat(one.relationshipsDeleted()).isEqualTo(5);
            Manifest unchanged = new Backup(db.graph()).write(temp.resolve("unchanged.zip"), "chain", first);
            assertThat(unchanged.nodes() + unchanged.relationships() + unchanged.nodesDeleted()
                    + unchanged.relationshipsDeleted()).as("nothing changed, nothing written").isZero();

            db.graph().write("test/incremental-changes", Map.of("customerId", "ANATR", "orderId", "10249"));
            new Backup(db.graph()).write(second, "chain", first);
            String expected = ContentHash.of(db.graph());

            try (GraphConnection target = GraphConnection.open(temp.resolve("chain-restored"), null, null, null)) {
                assertThatThrownBy(() -> new Restore(target.graph()).restore(List.of(first)))
                        .hasMessageContaining("is an incremental backup; give its full backup first");
                assertThatThrownBy(() -> new Restore(target.graph()).restore(List.of(full, second)))
                        .hasMessageContaining("give the chain in order, with none left out");
                Restore.Report report = new Restore(target.graph()).restore(List.of(full, first, second));
                assertThat(ContentHash.of(target.graph())).isEqualTo(expected);
                assertThat(report.nodes()).isEqualTo(Long.parseLong(expected.split(":")[0]));
            }
        }
    }

    private interface Change {
        byte[] apply(String entry, byte[] content);
    }

    /** A copy of the archive with entries changed; with {@code fixManifest} the manifest is made to match. */
    @SuppressWarnings("unchecked")
    private Path rewrite(String name, Change change, boolean fixManifest) throws IOException {
        return rewrite(archive, name, change, fixManifest);
    }

    /** As above, from {@code source}; its signature, if any, is carried over unchanged (as a tamperer would). */
    @SuppressWarnings("unchecked")
    private Path rewrite(Path source, String name, Change change, boolean fixManifest) throws IOException {
        Path copy = temp.resolve(name);
        JsonMapper json = JsonMapper.builder().build();
        try (ZipFile zip = new ZipFile(source.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            Map<String, Object> manifestJson;
            try (InputStream in = zip.getInputStream(zip.getEntry(BackupArchive.MANIFEST))) {
                manifestJson = json.readValue(in, Map.class);
            }
            for (String entry : BackupArchive.DATA_ENTRIES) {
                byte[] content;
                try (InputStream in = zip.getInputStream(zip.getEntry(entry))) {
                    content = change.apply(entry, in.readAllBytes());
                }
                put(out, entry, content);
                if (fixManifest) {
                    Map<String, Object> entries = (Map<String, Object>) manifestJson.get("entries");
                    entries.put(entry, Map.of("sha256", HexFormat.of().formatHex(BackupArchive.sha256()
                            .digest(content)), "bytes", content.length));
                    if (entry.equals(BackupArchive.NODES)) {
                        manifestJson.put("nodes", new String(content, StandardCharsets.UTF_8).lines().count());
                    }
                }
            }
            put(out, BackupArchive.MANIFEST, json.writeValueAsBytes(manifestJson));
            if (zip.getEntry(BackupArchive.SIGNATURE) != null) {
                try (InputStream in = zip.getInputStream(zip.getEntry(BackupArchive.SIGNATURE))) {
                    put(out, BackupArchive.SIGNATURE, in.readAllBytes());
                }
            }
        }
        return copy;
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
