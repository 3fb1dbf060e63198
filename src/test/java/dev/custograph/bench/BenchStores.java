package dev.custograph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.custograph.graph.GraphConnection;
import dev.custograph.ingest.Importer;

/** The stores the benches share, imported once under target/ and reused by later runs. */
final class BenchStores {

    private BenchStores() {
    }

    /** All of Online Retail (every monthly file of ../shared/data/online_retail), in target/bench-rules-online-retail. */
    static Path onlineRetail() throws IOException {
        Path retail = Path.of("target", "bench-rules-online-retail");
        if (!Files.isDirectory(retail.resolve("data"))) {
            Files.createDirectories(retail);
            List<Path> months;
            try (Stream<Path> files = Files.list(Path.of("..", "shared", "data", "online_retail"))) {
                months = files.filter(p -> p.toString().endsWith(".csv.gz")).sorted().toList();
            }
            try (GraphConnection db = GraphConnection.open(retail.resolve("data"), null, null, null)) {
                new Importer(db.graph()).run("online-retail", months, retail.resolve("rejects.csv"));
            }
        }
        return retail;
    }
}
