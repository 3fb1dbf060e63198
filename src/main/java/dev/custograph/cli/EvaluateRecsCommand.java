package dev.custograph.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import dev.custograph.graph.GraphConnection;
import dev.custograph.recommend.AssociationRules;
import dev.custograph.recommend.RecommendationEvaluation;
import dev.custograph.recommend.RecommendationWeights;
import dev.custograph.recommend.Recommender;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code custograph evaluate-recs}: how well recommendations predict each customer's last order. */
@Command(name = "evaluate-recs", mixinStandardHelpOptions = true,
        description = "Offline evaluation: holds out each customer's last order, rebuilds similar customers, pair "
                + "rules and popularity from the rest, and reports precision@k, recall@k, hit rate and coverage of "
                + "the blend, of each source alone and of the popularity baseline. Writes nothing.")
public final class EvaluateRecsCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--k", paramLabel = "N", defaultValue = "10",
            description = "Recommendations per customer, 1-" + Recommender.MAX_K + ". Default: ${DEFAULT-VALUE}.")
    int k;

    @Option(names = "--min-support", paramLabel = "S", defaultValue = "0.003",
            description = "Minimum support of the pair rules mined from the training orders. Default: "
                    + "${DEFAULT-VALUE}.")
    double minSupport;

    @Option(names = "--min-confidence", paramLabel = "C", defaultValue = "0.05",
            description = "Minimum confidence of those rules. Default: ${DEFAULT-VALUE}.")
    double minConfidence;

    @Option(names = "--weights", paramLabel = "W", defaultValue = "cf=0.6,item=0.3,popularity=0.1",
            description = "The blend's weights, as for recommend. Default: ${DEFAULT-VALUE}.")
    String weights;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() {
        AssociationRules.checkThresholds(minSupport, minConfidence);
        RecommendationEvaluation.Report report;
        try (GraphConnection db = connection.open()) {
            report = new RecommendationEvaluation(db.graph()).run(new RecommendationEvaluation.Parameters(k,
                    minSupport, minConfidence, RecommendationWeights.parse(weights)));
        }
        if (output.printed(report)) {
            return 0;
        }
        System.out.printf("%,d customers evaluated (last order held out; %,d with one order and %,d whose last "
                        + "order held nothing new left out); %,d training orders, %,d rules%n",
                report.customersEvaluated(), report.customersWithOneOrder(), report.customersWithNothingNew(),
                report.trainingOrders(), report.trainingRules());
        System.out.printf("  %-20s %12s %10s %9s %9s%n", "strategy", "precision@" + report.k(),
                "recall@" + report.k(), "hit rate", "coverage");
        for (Map.Entry<String, RecommendationEvaluation.Metrics> e : report.strategies().entrySet()) {
            RecommendationEvaluation.Metrics m = e.getValue();
            System.out.printf("  %-20s %12.4f %10.4f %9.4f %9.4f %s%n", e.getKey(), m.precisionAtK(), m.recallAtK(),
                    m.hitRate(), m.coverage(), "#".repeat((int) Math.round(40 * m.hitRate())));
        }
        System.out.printf("Done in %.1f s%n", report.seconds());
        return 0;
    }
}
