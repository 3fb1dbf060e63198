package dev.custograph.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.custograph.graph.GraphConnection;
import dev.custograph.recommend.PopularityPrior;
import dev.custograph.recommend.Recommendation;
import dev.custograph.recommend.RecommendationWeights;
import dev.custograph.recommend.Recommender;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code custograph recommend}: products for one customer, with the reasons behind each. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = "Products to recommend to a customer, blending what similar customers bought (SIMILAR, from "
                + "`similar --all`), rules from what it bought (BOUGHT_WITH, from `rules`) and what is popular in "
                + "its segment or country; each with its reasons. An unknown customer gets an empty list and a "
                + "message.")
public final class RecommendCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--customer", required = true, paramLabel = "ID", description = "The customer.")
    String customerId;

    @Option(names = "--k", paramLabel = "N", defaultValue = "10",
            description = "How many, 1-" + Recommender.MAX_K + " (larger is cut to " + Recommender.MAX_K
                    + "). Default: ${DEFAULT-VALUE}.")
    int k;

    @Option(names = "--weights", paramLabel = "W", defaultValue = "cf=0.6,item=0.3,popularity=0.1",
            description = "Weight of each source: cf (similar customers), item (bought with what the customer "
                    + "owns), popularity (in its segment or country). Default: ${DEFAULT-VALUE}.")
    String weights;

    @Option(names = "--include-owned",
            description = "Also recommend products the customer already bought (for consumables).")
    boolean includeOwned;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() {
        RecommendationWeights w = RecommendationWeights.parse(weights);
        int limit = Recommender.checkedK(k);
        if (limit < k) {
            System.err.printf("--k %d is cut to %d%n", k, limit);
        }
        Recommender.Result result;
        try (GraphConnection db = connection.open()) {
            result = new Recommender(db.graph(), () -> PopularityPrior.read(db.graph()))
                    .recommend(customerId, limit, w, includeOwned);
        }
        if (result.message() != null) {
            System.err.println(result.message());
        }
        if (output.json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("customerId", result.customerId());
            out.put("recommendations", result.recommendations());
            out.put("message", result.message());
            out.put("weights", w);
            JsonOutput.print(out);
            return 0;
        }
        System.out.printf("Recommendations for %s:%n", result.customerId());
        int rank = 1;
        for (Recommendation r : result.recommendations()) {
            System.out.printf("%3d. %-12s %-36s %.3f %s%n", rank++, r.productId(),
                    r.name() == null ? "" : r.name().length() > 36 ? r.name().substring(0, 35) + "…" : r.name(),
                    r.score(), "#".repeat((int) Math.round(20 * r.score())));
            r.reasons().forEach(reason -> System.out.println("       " + reason.text()));
        }
        return 0;
    }
}
