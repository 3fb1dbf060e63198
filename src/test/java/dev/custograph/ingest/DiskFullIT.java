package dev.custograph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import dev.custograph.ChildJvm;
import dev.custograph.Custograph;
import dev.custograph.graph.GraphConnection;
import dev.custograph.graph.GraphCounts;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import on a disk that fills up stops within seconds with one line naming the directory, and a second run once
 * there is room completes the import exactly. The disk is a real one: a 6 MB tmpfs mounted for the test (CI runs as
 * root), which the import fills; where mounting is not allowed, the real disk under the temporary folder with the
 * free-space reserve set above what it has left.
 */
class DiskFullIT {

    @TempDir
    Path temp;

    Path disk;
    boolean mounted;

    @AfterEach
    void unmount() throws Exception {
        if (!mounted) {
            return;
        }
        // The import's database may still be letting go of its files ("target is busy"): retry for a few seconds,
        // then detach it lazily, so the temporary folder can always be deleted.
        for (int attempt = 0; attempt < 25; attempt++) {
            if (run(List.of("umount", disk.toString())) == 0) {
                return;
            }
            Thread.sleep(200);
        }
        run(List.of("umount", "-l", disk.toString()));
    }

    @Test
    void aFullDiskStopsTheImportWithinSecondsNamingTheDirectoryAndARerunCompletesIt() throws Exception {
        Path lines = generate(300);
        Path dataDir = smallDisk().resolve("data");
        String reserve = fullDiskReserve();

        Process full = importInChild(lines, dataDir, reserve);
        assertThat(full.waitFor(180, TimeUnit.SECONDS)).as("the import stopped (it hung before)").isTrue();
        String err = new String(full.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(full.exitValue()).as(err).isEqualTo(1);
        List<String> failure = err.lines().filter(l -> l.startsWith("custograph import:")).toList();
        assertThat(failure).singleElement().asString()
                .contains("the disk holding " + dataDir.toAbsolutePath().resolve("neo4j") + " is full")
                .contains("nothing more was written");

        if (mounted) {
            assertThat(run(List.of("mount", "-o", "remount,size=96m", disk.toString()))).isZero();
        }
        // The run after freeing space needs no process of its own (only a hang had to be observable from outside):
        // it runs here, which spares the suite a cold JVM and database start.
        String previousReserve = System.getProperty("custograph.min-free-disk");
        System.setProperty("custograph.min-free-disk", mounted ? "2m" : "0");
        try {
            assertThat(Custograph.run("import", "--format", "lines", lines.toString(), "--data-dir",
                    dataDir.toString(), "--rejects", temp.resolve("rejects-again.csv").toString())).isZero();
        } finally {
            if (previousReserve == null) {
                System.clearProperty("custograph.min-free-disk");
            } else {
                System.setProperty("custograph.min-free-disk", previousReserve);
            }
        }

        assertImportedExactly(lines, dataDir);
    }

    @Test
    void aBulkImportOnAFullDiskFailsNamingTheDirectoryLeavesTheStoreEmptyAndARerunCompletesIt() throws Exception {
        // About 57,000 lines: a store larger than the 6 MB disk, so the batch import engine runs out of room.
        Path lines = generate(3000);
        Path dataDir = smallDisk().resolve("data");
        String reserve = fullDiskReserve();
        String previousReserve = System.getProperty("custograph.min-free-disk");
        try {
            System.setProperty("custograph.min-free-disk", reserve);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BulkImport(dataDir,
                            dev.custograph.model.ValueRules.DateWindow.DEFAULT).run("lines", null, List.of(lines),
                            temp.resolve("rejects.csv")))
                    .hasMessageContaining("the disk holding " + dataDir.toAbsolutePath().resolve("neo4j") + " is full")
                    .hasMessageContaining("nothing was written, the store is as it was");
            assertThat(BulkImport.possible(dataDir)).as("no database was left behind").isTrue();

            if (mounted) {
                assertThat(run(List.of("mount", "-o", "remount,size=96m", disk.toString()))).isZero();
            }
            System.setProperty("custograph.min-free-disk", mounted ? "2m" : "0");
            ImportReport again = new BulkImport(dataDir, dev.custograph.model.ValueRules.DateWindow.DEFAULT).run(
                    "lines", null, List.of(lines), temp.resolve("rejects-again.csv"));
            assertThat(again.path()).isEqualTo("bulk");
            assertImportedExactly(lines, dataDir);
        } finally {
            if (previousReserve == null) {
                System.clearProperty("custograph.min-free-disk");
            } else {
                System.setProperty("custograph.min-free-disk", previousReserve);
            }
        }
    }

    /** The store holds every customer, order and line of the generated file exactly once. */
    private static void assertImportedExactly(Path lines, Path dataDir) throws IOException {
        Set<String> customers = new HashSet<>();
        Set<String> orders = new HashSet<>();
        long rows = 0;
        try (Reader reader = new InputStreamReader(new GZIPInputStream(Files.newInputStream(lines)),
                StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                customers.add(row.get("customer_id"));
                orders.add(row.get("order_id"));
                rows++;
            }
        }
        try (GraphConnection db = GraphConnection.open(dataDir, null, null, null)) {
            GraphCounts counts = GraphCounts.of(db.graph());
            assertThat(counts.label("Customer")).isEqualTo(customers.size());
            assertThat(counts.label("Order")).isEqualTo(orders.size());
            assertThat(counts.type("CONTAINS")).as("every line once, none twice").isEqualTo(rows);
        }
    }

    /** A generated lines file of {@code customers} customers (about 19 lines each). */
    private Path generate(int customers) {
        Path lines = temp.resolve("lines.csv.gz");
        assertThat(Custograph.run("generate", "--customers", String.valueOf(customers), "--seed", "11", "--out",
                lines.toString())).isZero();
        return lines;
    }

    /** A 6 MB tmpfs when mounting is allowed (CI runs as root), else a folder on the real disk. */
    private Path smallDisk() throws IOException, InterruptedException {
        disk = Files.createDirectories(temp.resolve("disk"));
        mounted = run(List.of("mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", disk.toString())) == 0;
        return disk;
    }

    /** 2 MB on the tmpfs; without one, a reserve above what the disk has left: the first write finds it "full". */
    private String fullDiskReserve() throws IOException {
        return mounted ? "2m" : ((Files.getFileStore(disk).getUsableSpace() >> 20) + 1) + "m";
    }

    private Process importInChild(Path lines, Path dataDir, String reserve) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(ChildJvm.command("import", "--format", "lines",
                lines.toString(), "--data-dir", dataDir.toString(), "--rejects", temp.resolve("rejects.csv").toString(),
                "--load", "transactional"));
        builder.environment().putAll(Map.of("CUSTOGRAPH_MIN_FREE_DISK", reserve));
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return builder.start();
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor();
    }
}
