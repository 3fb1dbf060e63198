package dev.custograph.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.custograph.analytics.segment.Scaling;
import dev.custograph.analytics.segment.Segmentation;
import dev.custograph.analytics.segment.SegmentationReport;
import dev.custograph.graph.GraphConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code custograph segment}: K-Means customer segments, named, with an action each, written onto the graph. */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = "Cluster customers by K-Means on chosen features as of a date; each segment gets a name from its "
                + "centroid and a suggested action, and replaces the previous segmentation on the graph at once.")
public final class SegmentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Features as of this day (yyyy-mm-dd); later orders are ignored. Default: the last order date.")
    LocalDate asOf;

    @Option(names = "--k", paramLabel = "N|auto", defaultValue = "auto",
            description = "Number of segments, or auto: the best silhouette among 3..8 (the elbow curve is "
                    + "reported; a two-way split is rarely actionable, so give --k 2 to have one). "
                    + "Default: ${DEFAULT-VALUE}.")
    String k;

    @Option(names = "--features", paramLabel = "a,b,c", split = ",", defaultValue = "recency,frequency,monetary",
            description = "recency, frequency, monetary, tenure, avgOrderValue, or numeric customer properties. "
                    + "Default: ${DEFAULT-VALUE}.")
    List<String> features;

    @Option(names = "--scale", paramLabel = "zscore|log-zscore", defaultValue = "log-zscore",
            description = "z-score, or log(1 + x) then z-score (for long-tailed spend). Default: ${DEFAULT-VALUE}.")
    String scale;

    @Option(names = "--restarts", paramLabel = "N", defaultValue = "10",
            description = "K-Means runs from different seeds; the lowest inertia wins. Default: ${DEFAULT-VALUE}.")
    int restarts;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Random seed: the same seed gives the same segments. Default: ${DEFAULT-VALUE}.")
    long seed;


    @Mixin
    RunOutputOptions output;

    @Override
    public Integer call() {
        Integer clusters = parseK();
        Scaling scaling = switch (scale.toLowerCase(Locale.ROOT)) {
            case "zscore" -> Scaling.ZSCORE;
            case "log-zscore" -> Scaling.LOG_ZSCORE;
            default -> throw new ParameterException(spec.commandLine(), "Invalid value for option '--scale': '"
                    + scale + "' (expected zscore or log-zscore)");
        };
        Segmentation.Parameters parameters = new Segmentation.Parameters(asOf, clusters,
                features.stream().map(String::strip).toList(), scaling, restarts, seed, !output.noWrite);
        SegmentationReport report;
        try (GraphConnection db = connection.open()) {
            report = new Segmentation(db.graph()).run(parameters);
        }
        if (!output.printedAsJson(report)) {
            print(report);
        }
        return 0;
    }

    private Integer parseK() {
        if (k.equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return Integer.valueOf(k);
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--k': '" + k
                    + "' (expected a whole number or auto)");
        }
    }

    private static void print(SegmentationReport r) {
        System.out.printf("%,d customers as of %s in %d segments (k %s) on %s, scaled %s: inertia %.1f after %d "
                        + "iterations%s%n", r.customers(), r.asOf(), r.k(), r.kChosenBy(), String.join(", ", r.features()),
                r.scale(), r.inertia(), r.iterations(), r.silhouette() == null ? ""
                        : String.format(", silhouette %.3f", r.silhouette()));
        if (r.elbow() != null) {
            System.out.println("Choosing k (inertia: the elbow curve; silhouette: higher is better):");
            double top = r.elbow().stream().mapToDouble(SegmentationReport.KCandidate::inertia).max().orElse(1);
            for (var c : r.elbow()) {
                System.out.printf("  k=%-3d inertia %12.1f %-40s silhouette %.3f%n", c.k(), c.inertia(),
                        "#".repeat((int) Math.round(40 * c.inertia() / top)), c.silhouette());
            }
        }
        System.out.println("Segments (share of customers | share of revenue):");
        for (var s : r.segments()) {
            double share = (double) s.size() / r.customers();
            System.out.printf("  %-40s %8d %-20s %5.1f%% of revenue%n    centroid %s%n    %s%n", s.name(), s.size(),
                    "#".repeat((int) Math.round(20 * share)), 100 * s.revenueShare(), s.centroid(), s.action());
        }
        System.out.printf("Done in %.1f s (projection %.1f s, clustering %.2f s, write-back %.1f s)%n", r.seconds(),
                r.projectionSeconds(), r.clusterSeconds(), r.writeSeconds());
    }
}
