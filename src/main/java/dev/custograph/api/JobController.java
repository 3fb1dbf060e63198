package dev.custograph.api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.custograph.graph.Graph;
import dev.custograph.actions.ActionPolicy;
import dev.custograph.jobs.AnalyticsRefresh;
import dev.custograph.jobs.Job;
import dev.custograph.jobs.Jobs;
import dev.custograph.recommend.AssociationRules;
import dev.custograph.recommend.Recommendations;
import dev.custograph.recommend.RulesReport;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * runAnalytics and runRules start the same runs as {@code custograph analyze / segment / churn / rules}, as
 * background jobs ({@link AnalyticsRefresh}); {@code job(id)} and {@code jobs} follow them, and the scheduled ones. Arguments are checked before the job is queued, so a bad one is a
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
    private final Recommendations recommendations;
    private final ActionPolicy policy;

    JobController(Graph graph, Jobs jobs, Recommendations recommendations, ActionPolicy policy) {
        this.graph = graph;
        this.jobs = jobs;
        this.recommendations = recommendations;
        this.policy = policy;
    }

    @MutationMapping
    Job runAnalytics(@Argument RunAnalyticsInput input) {
        RunAnalyticsInput in = input == null ? new RunAnalyticsInput(null, true, null, null) : input;
        AnalyticsRefresh.Plan plan = ApiErrors.checked(() -> new AnalyticsRefresh.Plan(in.asOf(),
                in.segments() == null || in.segments(), in.churnCutoff(), in.churnHorizonDays(), null, null, null),
                "input.");
        return jobs.start("analytics", progress -> {
            // Its last step, next best actions, refreshes the recommendations after the segments (which pick
            // customers' popularity groups), so the job is done when recommendations follow them.
            return new AnalyticsRefresh(graph, policy, recommendations).run(plan, progress);
        }).job();
    }

    @MutationMapping
    Job runRules(@Argument RunRulesInput input) {
        int maxLength = input.maxLength() == null ? 2 : input.maxLength();
        AssociationRules.Parameters parameters = ApiErrors.checked(() -> new AssociationRules.Parameters(
                input.minSupport(), input.minConfidence(), 0, maxLength, 1000, false, AssociationRules.Engine.FPGROWTH,
                true), "input.");
        return jobs.start("rules", progress -> {
            progress.at("mining rules", 0);
            RulesReport report = new AssociationRules(graph).run(parameters);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("runId", report.runId());
            result.put("transactions", report.transactions());
            result.put("frequentProducts", report.frequentProducts());
            result.put("rules", report.rules().size());
            progress.at("ranking recommendations", 0);
            recommendations.refresh();
            return result;
        }).job();
    }

    @QueryMapping
    Job job(@Argument String id) {
        return jobs.job(Ids.require(id, "id")).orElse(null);
    }

    @QueryMapping
    List<Job> jobs(@Argument String kind) {
        return jobs.recent(kind);
    }

    @SchemaMapping(typeName = "Job", field = "nextAttemptAt")
    String nextAttemptAt(Job job) {
        return job.nextAttemptAt() == null ? null : job.nextAttemptAt().toString();
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
}
