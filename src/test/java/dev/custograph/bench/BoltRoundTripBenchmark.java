package dev.custograph.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.custograph.TestData;
import dev.custograph.graph.GraphConnection;
import dev.custograph.ingest.Importer;

/**
 * What one read costs through the driver on the embedded store, the floor under every uncached API request: 5,000
 * read transactions of a look-up by id (read/products-by-id) on Northwind, one at a time, as the API makes them.
 * Prints p50, p99 and the slowest.
 */
public final class BoltRoundTripBenchmark {

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("custograph-bolt-bench");
        try (GraphConnection db = GraphConnection.open(dir.resolve("data"), null, null, null)) {
            new Importer(db.graph()).run("northwind", List.of(TestData.northwind()));
            int calls = 5_000;
            long[] nanos = new long[calls];
            for (int warm = 0; warm < 1_000; warm++) {
                db.graph().readRows("read/products-by-id", Map.of("ids", List.of(String.valueOf(1 + warm % 77))));
            }
            for (int i = 0; i < calls; i++) {
                long start = System.nanoTime();
                db.graph().readRows("read/products-by-id", Map.of("ids", List.of(String.valueOf(1 + i % 77))));
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf("one read transaction over Bolt (products by id), %,d calls: p50 %.2f ms, p99 %.2f ms, "
                    + "max %.2f ms%n", calls, nanos[calls / 2] / 1e6, nanos[calls * 99 / 100] / 1e6,
                    nanos[calls - 1] / 1e6);
        }
    }
}
