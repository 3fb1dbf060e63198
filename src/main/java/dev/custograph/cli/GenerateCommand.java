package dev.custograph.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.custograph.ingest.DemoDataGenerator;
import dev.custograph.ingest.LinesCsvWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code custograph generate}: a realistic synthetic order-lines file (the demo generator's model: skewed spend,
 * seasonality, customers who stop buying, products bought together) for scale tests; the same seed writes the same
 * file. Streams customer by customer, so any size fits in memory.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a synthetic order-lines CSV (import with --format lines); gzip if FILE ends in .gz.")
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--customers", defaultValue = "3000", paramLabel = "N",
            description = "Number of customers (default: ${DEFAULT-VALUE}); about 19 order lines each.")
    int customers;

    @Option(names = "--products", defaultValue = "300", paramLabel = "N",
            description = "Number of products (default: ${DEFAULT-VALUE}).")
    int products;

    @Option(names = "--seed", defaultValue = "20240101", paramLabel = "S",
            description = "Random seed (default: ${DEFAULT-VALUE}, the demo's).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
    Path out;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() {
        if (customers < 1 || products < 12) {
            throw new IllegalArgumentException("--customers must be at least 1 and --products at least 12");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("--out: directory " + parent + " does not exist");
        }
        long started = System.nanoTime();
        DemoDataGenerator.Spec demo = DemoDataGenerator.Spec.demo();
        DemoDataGenerator.Spec spec = new DemoDataGenerator.Spec(customers, products, demo.start(), demo.end(), seed);
        Map<String, Object> result = new LinkedHashMap<>();
        try (LinesCsvWriter writer = new LinesCsvWriter(out)) {
            new DemoDataGenerator(spec).stream(writer);
            writer.close();
            result.put("file", out.toString());
            result.put("customers", writer.customers());
            result.put("orders", writer.orders());
            result.put("lines", writer.lines());
        }
        result.put("seconds", (System.nanoTime() - started) / 1e9);
        if (!output.printed(result)) {
            System.out.printf("%s: %,d customers, %,d orders, %,d lines in %.1f s%n", out, result.get("customers"),
                    result.get("orders"), result.get("lines"), result.get("seconds"));
        }
        return 0;
    }
}
