package dev.custograph.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.custograph.ChildJvm;
import dev.custograph.TestData;
import dev.custograph.graph.GraphConnection;
import dev.custograph.ingest.BulkImport;
import dev.custograph.ingest.Importer;
import dev.custograph.model.ValueRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup killed with SIGKILL part-way (a separate JVM running {@code custograph backup}) leaves no file that looks
 * like an archive: only {@code FILE.partial}, which verify names as unfinished; the next backup completes and
 * verifies.
 */
class KilledBackupIT {

    @TempDir
    Path temp;

    @Test
    void aKilledBackupIsClearlyIncompleteAndTheNextOneIsWhole() throws Exception {
        Path dataDir = temp.resolve("data");
        new BulkImport(dataDir, ValueRules.DateWindow.DEFAULT).run("online-retail", null, List.of(
                Path.of("..", "shared", "data", "online_retail", "online_retail_2010-12.csv.gz"),
                Path.of("..", "shared", "data", "online_retail", "online_retail_2011-01.csv.gz")),
                temp.resolve("rejects.csv"));
        try (GraphConnection db = GraphConnection.open(dataDir, null, null, null)) {
            new Importer(db.graph()).run("northwind", List.of(TestData.northwind()));
        }
        Path archive = temp.resolve("graph.zip");
        Path partial = Path.of(archive + ".partial");
        Process backup = new ProcessBuilder(ChildJvm.command("backup", "--data-dir", dataDir.toString(), "--out",
                archive.toString())).redirectErrorStream(true)
                .redirectOutput(temp.resolve("backup.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(partial) && backup.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(Files.exists(partial)).as("the backup was writing when it was killed").isTrue();
        backup.destroyForcibly();
        assertThat(backup.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(Files.exists(archive)).as("no archive that looks finished").isFalse();
        assertThatThrownBy(() -> BackupArchive.verify(archive))
                .hasMessageContaining("FILE.partial".replace("FILE", archive.toString()) + " exists: that backup did "
                        + "not finish");
        assertThatThrownBy(() -> BackupArchive.verify(partial)).isInstanceOf(BackupFailedException.class);

        try (GraphConnection db = GraphConnection.open(dataDir, null, null, null)) {
            Manifest manifest = new Backup(db.graph()).write(archive, "again");
            assertThat(BackupArchive.verify(archive)).isEqualTo(manifest);
            assertThat(Files.exists(partial)).isFalse();
        }
    }
}
