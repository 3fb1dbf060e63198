package dev.custograph.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import dev.custograph.graph.GraphConnection;
import dev.custograph.ingest.Importer;
import dev.custograph.recommend.AssociationRules;
import dev.custograph.recommend.RulesReport;

/**
 * {@code rules} warm, in process: Groceries (9,835 baskets, as anonymous orders) and Online Retail (all of it), each
 * imported once into target/bench-rules-*, then rules are computed without writing (after warm-up calls: 20 times on
 * Groceries, 5 on Online Retail) and with BOUGHT_WITH written; prints the median and the slowest of the Cypher time
 * and of the whole call, for both engines (fpgrowth, cypher). Target: a warm
 * Groceries call in the tens of milliseconds, like R's arules (C). Run by {@code bench/rules.sh}.
 */
public final class RulesBenchmark {

    public static void main(String[] args) throws Exception {
        Path groceries = Path.of("target", "bench-rules-groceries");
        if (!Files.isDirectory(groceries.resolve("data"))) {
            Files.createDirectories(groceries);
            StringBuilder csv = new StringBuilder("order_id,customer_id,order_date,product_id,quantity,unit_price\n");
            List<String> lines = Files.readAllLines(Path.of("..", "shared", "data", "groceries",
                    "groceries_transactions.csv"));
            for (String row : lines.subList(1, lines.size())) {
                String[] f = row.split(",", 2);
                csv.append('B').append(f[0]).append(",,2024-01-01,\"").append(f[1]).append("\",1,1\n");
            }
            Path file = Files.writeString(groceries.resolve("groceries-lines.csv"), csv);
            try (GraphConnection db = GraphConnection.open(groceries.resolve("data"), null, null, null)) {
                new Importer(db.graph()).run("lines", List.of(file), groceries.resolve("rejects.csv"));
            }
        }
        for (AssociationRules.Engine engine : AssociationRules.Engine.values()) {
            measure("Groceries, support 0.001, confidence 0.1", groceries, 0.001, 0.1, 2, engine, 20);
            measure("Groceries, support 0.01, confidence 0.1", groceries, 0.01, 0.1, 2, engine, 20);
        }
        measure("Groceries, support 0.001, confidence 0.1, up to 4 products", groceries, 0.001, 0.1, 4,
                AssociationRules.Engine.FPGROWTH, 20);

        Path retail = BenchStores.onlineRetail();
        for (AssociationRules.Engine engine : AssociationRules.Engine.values()) {
            measure("Online Retail, support 0.01, confidence 0.3", retail, 0.01, 0.3, 2, engine, 5);
        }
        measure("Online Retail, support 0.01, confidence 0.3, up to 4 products", retail, 0.01, 0.3, 4,
                AssociationRules.Engine.FPGROWTH, 5);
    }

    private static void measure(String name, Path dir, double support, double confidence, int maxLength,
                                AssociationRules.Engine engine, int runs) {
        try (GraphConnection db = GraphConnection.open(dir.resolve("data"), null, null, null)) {
            AssociationRules rules = new AssociationRules(db.graph());
            double[] cypher = new double[runs];
            double[] whole = new double[runs];
            RulesReport last = null;
            for (int i = 0; i < 2; i++) {
                rules.run(new AssociationRules.Parameters(support, confidence, 0, maxLength, 100_000, false, engine, false));
            }
            for (int i = 0; i < runs; i++) {
                last = rules.run(new AssociationRules.Parameters(support, confidence, 0, maxLength, 100_000, false, engine, false));
                cypher[i] = last.cypherSeconds() * 1000;
                whole[i] = last.seconds() * 1000;
            }
            double[] written = new double[3];
            for (int i = 0; i < 3; i++) {
                written[i] = rules.run(new AssociationRules.Parameters(support, confidence, 0, maxLength, 100_000, false, engine, true))
                        .seconds() * 1000;
            }
            Arrays.sort(cypher);
            Arrays.sort(whole);
            Arrays.sort(written);
            System.out.printf("%s, engine %s: %,d baskets, %,d frequent products, %,d rules; graph read median %.1f ms (max %.1f), "
                            + "whole call median %.1f ms (max %.1f); with the rules written median %.1f ms%n", name, engine,
                    last.transactions(), last.frequentProducts(), last.rules().size(), cypher[runs / 2],
                    cypher[runs - 1], whole[runs / 2], whole[runs - 1], written[1]);
        }
    }
}
