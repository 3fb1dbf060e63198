package dev.custograph.cli;

import java.util.concurrent.Callable;

import dev.custograph.graph.GraphConnection;
import dev.custograph.recommend.AssociationRules;
import dev.custograph.recommend.RulesReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code custograph rules}: co-purchase association rules, by Cypher, materialised as BOUGHT_WITH. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Association rules {A} -> {B} between products bought in the same order (support, confidence "
                + "and lift as in R's arules), pairs and, with --max-length, longer itemsets by FP-Growth; written as "
                + "(:Product)-[:BOUGHT_WITH]->(:Product) and (:AssociationRule) nodes, replacing the previous run's.")
public final class RulesCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--min-support", required = true, paramLabel = "S",
            description = "Share of baskets containing both products, in (0, 1].")
    double minSupport;

    @Option(names = "--min-confidence", required = true, paramLabel = "C",
            description = "Share of baskets with A that also hold B, in (0, 1].")
    double minConfidence;

    @Option(names = "--min-lift", paramLabel = "L", defaultValue = "0",
            description = "Confidence over B's own support; 1 = independent. Default: ${DEFAULT-VALUE}.")
    double minLift;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
            description = "At most this many rules, best lift first (1-100000). Default: ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--max-length", paramLabel = "N", defaultValue = "2",
            description = "Most products in a rule, both sides together (2-10): 2 gives pairs {A} -> {B}, 3 also "
                    + "{A, B} -> {C}, and so on. Default: ${DEFAULT-VALUE}.")
    int maxLength;

    @Option(names = "--engine", paramLabel = "E", defaultValue = "fpgrowth",
            description = "fpgrowth: project the baskets once and mine itemsets in Java (fast, any length); cypher: "
                    + "pair rules computed entirely in Cypher (cypher/rules/pair-rules.cypher). Default: "
                    + "${DEFAULT-VALUE}.")
    String engine;

    @Option(names = "--include-cancelled", description = "Count cancelled orders as baskets (default: left out).")
    boolean includeCancelled;

    @Mixin
    RunOutputOptions output;

    @Override
    public Integer call() {
        RulesReport report;
        try (GraphConnection db = connection.open()) {
            report = new AssociationRules(db.graph()).run(new AssociationRules.Parameters(minSupport, minConfidence,
                    minLift, maxLength, limit, includeCancelled, engine(), !output.noWrite));
        }
        if (!output.printedAsJson(report)) {
            print(report);
        }
        return 0;
    }

    private AssociationRules.Engine engine() {
        return switch (engine) {
            case "fpgrowth" -> AssociationRules.Engine.FPGROWTH;
            case "cypher" -> AssociationRules.Engine.CYPHER;
            default -> throw new IllegalArgumentException("--engine must be fpgrowth or cypher, got " + engine);
        };
    }

    /** "P0026 (Espresso beans)", or the id alone when the product has no name. */
    private static String label(java.util.List<String> ids, java.util.List<String> names) {
        java.util.List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String name = names.get(i);
            labels.add(name == null || name.equals(ids.get(i)) ? ids.get(i) : ids.get(i) + " (" + name + ")");
        }
        return String.join(", ", labels);
    }

    private static String shorten(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    private static void print(RulesReport r) {
        System.out.printf("%,d baskets, %,d products with support >= the minimum: %,d rules%n", r.transactions(),
                r.frequentProducts(), r.rules().size());
        double top = r.rules().stream().mapToDouble(RulesReport.Rule::lift).max().orElse(1);
        System.out.println("  antecedent -> consequent                                          support  confidence"
                + "   lift");
        r.rules().stream().limit(25).forEach(rule -> System.out.printf("  %-66s %7.4f %10.4f %7.3f %s%n",
                shorten(label(rule.antecedent(), rule.antecedentNames()) + " -> "
                        + label(rule.consequent(), rule.consequentNames()), 66), rule.support(), rule.confidence(),
                rule.lift(), "#".repeat((int) Math.round(20 * rule.lift() / top))));
        if (r.rules().size() > 25) {
            System.out.printf("  ... %,d more (--json for all)%n", r.rules().size() - 25);
        }
        System.out.printf("Done in %.2f s (reading the graph %.2f s)%n", r.seconds(), r.cypherSeconds());
    }
}
