package dev.custograph.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.custograph.graph.GraphConnection;
import dev.custograph.recommend.SimilarCustomer;
import dev.custograph.recommend.SimilarCustomers;
import dev.custograph.recommend.SimilarityMeasure;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code custograph similar}: one customer's most similar customers, or SIMILAR materialised for all. */
@Command(name = "similar", mixinStandardHelpOptions = true,
        description = "Customers who bought alike: for one customer, found now by traversing the graph; with --all, "
                + "every customer's top k written as (:Customer)-[:SIMILAR {score}]->(:Customer), replacing the "
                + "previous run's (the recommender reads them).")
public final class SimilarCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--customer", paramLabel = "ID", description = "The customer to find neighbours for.")
        String customerId;

        @Option(names = "--all", description = "Compute and materialise SIMILAR for every customer.")
        boolean all;
    }

    @Option(names = "--k", paramLabel = "N", defaultValue = "20",
            description = "Neighbours per customer, 1-" + SimilarCustomers.MAX_K + " (larger is cut to "
                    + SimilarCustomers.MAX_K + "). Default: ${DEFAULT-VALUE}.")
    int k;

    @Option(names = "--measure", paramLabel = "M", defaultValue = "cosine",
            description = "jaccard (shared / all products of the two), cosine (bought or not) or cosine-quantity "
                    + "(units per product). Default: ${DEFAULT-VALUE}.")
    String measure;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() {
        SimilarityMeasure m = SimilarityMeasure.of(measure);
        if (k > SimilarCustomers.MAX_K) {
            System.err.printf("--k %d is cut to %d%n", k, SimilarCustomers.MAX_K);
        }
        try (GraphConnection db = connection.open()) {
            SimilarCustomers similar = new SimilarCustomers(db.graph());
            if (target.all) {
                SimilarCustomers.Report report = similar.materialise(k, m);
                if (!output.printed(report)) {
                    System.out.printf("%,d customers: %,d SIMILAR relationships (%s, top %d) written, %,d stale "
                                    + "removed, in %.1f s (reading %.1f s, comparing %.1f s, writing %.1f s)%n",
                            report.customers(), report.relationships(), report.measure(), report.k(),
                            report.staleRemoved(), report.seconds(), report.projectionSeconds(),
                            report.computeSeconds(), report.writeSeconds());
                }
                return 0;
            }
            SimilarCustomers.Lookup lookup = similar.of(target.customerId, k, m);
            if (lookup.message() != null) {
                System.err.println(lookup.message());
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("customerId", lookup.customerId());
            out.put("measure", m.label());
            out.put("similar", lookup.similar());
            out.put("message", lookup.message());
            if (!output.printed(out)) {
                System.out.printf("Customers most similar to %s (%s):%n", lookup.customerId(), m.label());
                for (SimilarCustomer s : lookup.similar()) {
                    System.out.printf("  %-12s %-32s %.4f %s (%d products in common)%n", s.customerId(),
                            s.name() == null ? "" : s.name(), s.score(), "#".repeat((int) Math.round(20 * s.score())),
                            s.sharedProducts());
                }
            }
            return 0;
        }
    }
}
