package dev.custograph.jobs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.custograph.analytics.OrderDates;
import dev.custograph.analytics.ValueAnalysis;
import dev.custograph.actions.ActionPolicy;
import dev.custograph.actions.ActionsReport;
import dev.custograph.actions.NextBestActions;
import dev.custograph.analytics.churn.ChurnPrediction;
import dev.custograph.analytics.segment.Segmentation;
import dev.custograph.graph.Graph;
import dev.custograph.model.InvalidParameterException;
import dev.custograph.recommend.AssociationRules;
import dev.custograph.recommend.Recommendations;
import dev.custograph.recommend.SimilarCustomers;
import dev.custograph.recommend.SimilarityMeasure;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analytics refresh, as the API's runAnalytics and the nightly schedule run it: customer value (as
 * {@code custograph analyze}), then, as the plan says, segments, churn, association rules and similar customers,
 * each as its own command does it and writes it, and last the next best actions, which weigh them all. The result
 * holds each step's report.
 */
public final class AnalyticsRefresh {

    /**
     * What to run. {@code asOf} null means the last order's day. Churn runs when {@code churnHorizonDays} is given,
     * with features up to {@code churnCutoff} (null: the last order's day minus the horizon, so labels are
     * observed). Rules run when both thresholds are given; similarity when {@code similarK} is.
     */
    public record Plan(LocalDate asOf, boolean segments, LocalDate churnCutoff, Integer churnHorizonDays,
                       Double rulesMinSupport, Double rulesMinConfidence, Integer similarK) {

        /** A plan that cannot run is refused here, naming its field. */
        public Plan {
            if (churnCutoff != null && churnHorizonDays == null) {
                throw new InvalidParameterException("churnHorizonDays", "is needed with {churnCutoff}");
            }
            if (churnHorizonDays != null && churnHorizonDays < 1) {
                throw new InvalidParameterException("churnHorizonDays", "must be 1 or more, got " + churnHorizonDays);
            }
            if ((rulesMinSupport == null) != (rulesMinConfidence == null)) {
                throw new InvalidParameterException(rulesMinSupport == null ? "rulesMinSupport" : "rulesMinConfidence",
                        "goes with {" + (rulesMinSupport == null ? "rulesMinConfidence" : "rulesMinSupport")
                                + "}; give both or neither");
            }
            if (rulesMinSupport != null) {
                try {
                    AssociationRules.checkThresholds(rulesMinSupport, rulesMinConfidence);
                } catch (InvalidParameterException e) {
                    // The rules' own names, as this plan calls them.
                    throw new InvalidParameterException("rules" + Character.toUpperCase(e.parameter().charAt(0))
                            + e.parameter().substring(1), e.reason());
                }
            }
            if (similarK != null && (similarK < 1 || similarK > SimilarCustomers.MAX_K)) {
                throw new InvalidParameterException("similarK", "must be 1-" + SimilarCustomers.MAX_K + ", got "
                        + similarK);
            }
        }

        List<String> steps() {
            List<String> steps = new ArrayList<>(List.of("customer value"));
            if (segments) {
                steps.add("segments");
            }
            if (churnHorizonDays != null) {
                steps.add("churn");
            }
            if (rulesMinSupport != null) {
                steps.add("association rules");
            }
            if (similarK != null) {
                steps.add("similar customers");
            }
            // Last: it weighs what every step before it wrote.
            steps.add("next best actions");
            return steps;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Graph graph;
    private final ActionPolicy policy;
    private final Recommendations recommendations;

    /** A refresh that decides next best actions by the default policy, ranking recommendations of its own. */
    public AnalyticsRefresh(Graph graph) {
        this(graph, ActionPolicy.defaults(), null);
    }

    /**
     * @param recommendations the serving process's recommendations, refreshed and read by the actions step (so they
     *                        are ranked once, not twice); null to rank a snapshot of the step's own
     */
    public AnalyticsRefresh(Graph graph, ActionPolicy policy, Recommendations recommendations) {
        this.graph = graph;
        this.policy = policy;
        this.recommendations = recommendations;
    }

    public Map<String, Object> run(Plan plan, Jobs.Progress progress) {
        List<String> steps = plan.steps();
        Map<String, Object> result = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i);
            progress.at(step, (double) i / steps.size());
            switch (step) {
                case "customer value" -> {
                    ValueAnalysis.Parameters d = ValueAnalysis.Parameters.defaults();
                    result.put("value", asMap(new ValueAnalysis(graph).run(new ValueAnalysis.Parameters(plan.asOf(),
                            d.calibrationEnd(), d.timeUnit(), d.horizon(), d.discountRate(), d.margin(),
                            d.activeDays(), d.includeCancelled(), true), customer -> {
                    })));
                }
                case "segments" -> {
                    Segmentation.Parameters d = Segmentation.Parameters.defaults();
                    result.put("segments", asMap(new Segmentation(graph).run(new Segmentation.Parameters(plan.asOf(),
                            d.k(), d.features(), d.scale(), d.restarts(), d.seed(), true))));
                }
                case "churn" -> {
                    LocalDate cutoff = plan.churnCutoff() != null ? plan.churnCutoff()
                            : OrderDates.of(graph).last().minusDays(plan.churnHorizonDays());
                    result.put("churn", asMap(new ChurnPrediction(graph).run(new ChurnPrediction.Parameters(cutoff,
                            plan.churnHorizonDays(), ChurnPrediction.Parameters.DEFAULT_FEATURES,
                            ChurnPrediction.Penalty.NONE, 1.0, ChurnPrediction.Validation.RANDOM, 0.3, 42, true))));
                }
                case "association rules" -> {
                    var report = new AssociationRules(graph).run(new AssociationRules.Parameters(
                            plan.rulesMinSupport(), plan.rulesMinConfidence(), 0, 2, 1000, false,
                            AssociationRules.Engine.FPGROWTH, true));
                    Map<String, Object> rules = new LinkedHashMap<>();
                    rules.put("runId", report.runId());
                    rules.put("transactions", report.transactions());
                    rules.put("frequentProducts", report.frequentProducts());
                    rules.put("rules", report.rules().size());
                    result.put("rules", rules);
                }
                case "similar customers" -> result.put("similar", asMap(new SimilarCustomers(graph)
                        .materialise(plan.similarK(), SimilarityMeasure.COSINE)));
                case "next best actions" -> {
                    ActionsReport actions = new NextBestActions(graph, recommendations).run(new NextBestActions.Parameters(policy,
                            LocalDate.now(), true, true), null);
                    Map<String, Object> summary = new LinkedHashMap<>();
                    summary.put("runId", actions.runId());
                    summary.put("customers", actions.customers());
                    summary.put("byAction", JSON.convertValue(actions.byAction(), List.class));
                    result.put("actions", summary);
                }
                default -> throw new IllegalStateException("unknown step " + step);
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object report) {
        return JSON.convertValue(report, Map.class);
    }
}
