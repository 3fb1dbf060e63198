package dev.custograph.api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.custograph.analytics.AnalyticsReport;
import dev.custograph.analytics.ValueAnalysis;
import dev.custograph.analytics.churn.ChurnPrediction;
import dev.custograph.analytics.churn.ChurnReport;
import dev.custograph.analytics.segment.Segmentation;
import dev.custograph.analytics.segment.SegmentationReport;
import dev.custograph.graph.Graph;
import dev.custograph.jobs.Job;
import dev.custograph.jobs.Jobs;
import dev.custograph.recommend.AssociationRules;
import dev.custograph.recommend.RulesReport;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import tools.jackson.databind.json.JsonMapper;

/**
 * runAnalytics and runRules start the same runs as {@code custograph analyze / segment / churn / rules}, as
 * background jobs; {@code job(id)} follows them. Arguments are checked before the job is queued, so a bad one is a
 * BAD_REQUEST at once rather than a failed job.
 */
@Controller
class JobController {

    record RunAnalyticsInput(LocalDate asOf, Boolean segments, LocalDate churnCutoff, Integer churnHorizonDays) {
    }

    record RunRulesInput(Double minSupport, Double minConfidence, Integer maxLength) {
    }

    private final Graph graph;
    private final Jobs jobs;
    private final JsonMapper json;

    JobController(Graph graph, Jobs jobs, JsonMapper json) {
        this.graph = graph;
        this.jobs = jobs;
        this.json = json;
    }

    @MutationMapping
    Job runAnalytics(@Argument RunAnalyticsInput input) {
        RunAnalyticsInput in = input == null ? new RunAnalyticsInput(null, true, null, null) : input;
        boolean segments = in.segments() == null || in.segments();
        boolean churn = in.churnCutoff() != null || in.churnHorizonDays() != null;
        if (churn && (in.churnCutoff() == null || in.churnHorizonDays() == null)) {
            throw new BadRequestException("input: churnCutoff and churnHorizonDays go together; give both or neither");
        }
        if (churn && in.churnHorizonDays() < 1) {
            throw new BadRequestException("input.churnHorizonDays: must be 1 or more, got " + in.churnHorizonDays());
        }
        int steps = 1 + (segments ? 1 : 0) + (churn ? 1 : 0);
        return jobs.start("analytics", progress -> {
            Map<String, Object> result = new LinkedHashMap<>();
            progress.at("customer value", 0);
            ValueAnalysis.Parameters defaults = ValueAnalysis.Parameters.defaults();
            AnalyticsReport value = new ValueAnalysis(graph).run(new ValueAnalysis.Parameters(in.asOf(),
                    defaults.calibrationEnd(), defaults.timeUnit(), defaults.horizon(), defaults.discountRate(),
                    defaults.margin(), defaults.activeDays(), defaults.includeCancelled(), true), customer -> {
            });
            result.put("value", asMap(value));
            int done = 1;
            if (segments) {
                progress.at("segments", (double) done++ / steps);
                Segmentation.Parameters d = Segmentation.Parameters.defaults();
                SegmentationReport report = new Segmentation(graph).run(new Segmentation.Parameters(in.asOf(), d.k(),
                        d.features(), d.scale(), d.restarts(), d.seed(), true));
                result.put("segments", asMap(report));
            }
            if (churn) {
                progress.at("churn", (double) done / steps);
                ChurnReport report = new ChurnPrediction(graph).run(new ChurnPrediction.Parameters(in.churnCutoff(),
                        in.churnHorizonDays(), ChurnPrediction.Parameters.DEFAULT_FEATURES,
                        ChurnPrediction.Penalty.NONE, 1.0, ChurnPrediction.Validation.RANDOM, 0.3, 42, true));
                result.put("churn", asMap(report));
            }
            return result;
        }).job();
    }

    @MutationMapping
    Job runRules(@Argument RunRulesInput input) {
        int maxLength = input.maxLength() == null ? 2 : input.maxLength();
        try {
            AssociationRules.checkThresholds(input.minSupport(), input.minConfidence());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("input." + e.getMessage().substring(2).replace("min-support", "minSupport")
                    .replace("min-confidence", "minConfidence"));
        }
        if (maxLength < 2 || maxLength > 10) {
            throw new BadRequestException("input.maxLength: must be 2-10, got " + maxLength);
        }
        AssociationRules.Parameters parameters = new AssociationRules.Parameters(input.minSupport(),
                input.minConfidence(), 0, maxLength, 1000, false, AssociationRules.Engine.FPGROWTH, true);
        return jobs.start("rules", progress -> {
            progress.at("mining rules", 0);
            RulesReport report = new AssociationRules(graph).run(parameters);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("runId", report.runId());
            result.put("transactions", report.transactions());
            result.put("frequentProducts", report.frequentProducts());
            result.put("rules", report.rules().size());
            return result;
        }).job();
    }

    @QueryMapping
    Job job(@Argument String id) {
        return jobs.job(Ids.require(id, "id")).orElse(null);
    }

    @SchemaMapping(typeName = "Job", field = "state")
    String state(Job job) {
        return job.state().name();
    }

    @SchemaMapping(typeName = "Job", field = "queuedAt")
    String queuedAt(Job job) {
        return job.queuedAt().toString();
    }

    @SchemaMapping(typeName = "Job", field = "startedAt")
    String startedAt(Job job) {
        return job.startedAt() == null ? null : job.startedAt().toString();
    }

    @SchemaMapping(typeName = "Job", field = "finishedAt")
    String finishedAt(Job job) {
        return job.finishedAt() == null ? null : job.finishedAt().toString();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> asMap(Object report) {
        return json.convertValue(report, Map.class);
    }
}
