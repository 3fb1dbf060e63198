package dev.custograph.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.custograph.analytics.AnalyticsRuns;
import dev.custograph.jobs.Job;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The custograph health part: each watched figure against its thresholds, and the worst as the status. */
class CustographHealthTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<Job> jobs = new ArrayList<>();
    private final AtomicInteger backlog = new AtomicInteger();
    private final AtomicReference<Optional<AnalyticsRuns.LastRun>> lastRun = new AtomicReference<>(Optional.empty());
    private final CustographHealth health = new CustographHealth(new AlertThresholds(0.99, 1.0, 500, 2000, 100),
            meters, () -> jobs, backlog::get, lastRun::get);

    @Test
    void allQuietIsUpWithEveryFigureShown() {
        meters.timer("custograph.cypher", "file", "read/customers-by-id").record(3, TimeUnit.MILLISECONDS);
        Health h = health.health();
        assertThat(h.getStatus()).isEqualTo(Status.UP);
        assertThat(h.getDetails()).containsKeys("heapUsed", "slowestReadMs", "auditBacklog", "lastJobs");
        assertThat(detail(h, "slowestReadMs")).containsEntry("value", 3.0).containsEntry("status", "UP");
    }

    @Test
    void aSlowReadWarnsThenErrsAndOtherStatementsDoNotCount() {
        meters.timer("custograph.cypher", "file", "backup/nodes").record(60, TimeUnit.SECONDS);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        meters.timer("custograph.cypher", "file", "read/customers-page").record(700, TimeUnit.MILLISECONDS);
        assertThat(health.health().getStatus()).isEqualTo(CustographHealth.WARN);
        meters.timer("custograph.cypher", "file", "read/customers-page").record(2500, TimeUnit.MILLISECONDS);
        assertThat(health.health().getStatus()).isEqualTo(CustographHealth.ERROR);
        assertThat(detail(health.health(), "slowestReadMs")).containsEntry("value", 2500.0).containsEntry("warn", 500.0)
                .containsEntry("error", 2000.0);
    }

    @Test
    void theLatestJobOfEachKindCounts() {
        jobs.add(job("refresh", Job.State.FAILED, "the graph holds no orders: import data first"));
        jobs.add(job("refresh", Job.State.SUCCEEDED, null)); // older: ignored
        assertThat(health.health().getStatus()).isEqualTo(CustographHealth.ERROR);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> lastJobs = (Map<String, Map<String, Object>>) health.health().getDetails()
                .get("lastJobs");
        assertThat(lastJobs.get("refresh")).containsEntry("state", "FAILED")
                .containsEntry("error", "the graph holds no orders: import data first");
        jobs.set(0, job("refresh", Job.State.RETRYING, "busy"));
        assertThat(health.health().getStatus()).isEqualTo(CustographHealth.WARN);
        jobs.set(0, job("refresh", Job.State.SUCCEEDED, null));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aGrowingAuditBacklogWarns() {
        backlog.set(150);
        assertThat(health.health().getStatus()).isEqualTo(CustographHealth.WARN);
    }

    @Test
    void anInterruptedValueRunWarnsUntilTheNextRunSucceeds() {
        OffsetDateTime started = OffsetDateTime.parse("2026-11-24T02:00:00Z");
        lastRun.set(Optional.of(new AnalyticsRuns.LastRun("run-2", "INTERRUPTED", started)));
        assertThat(health.health().getStatus()).isEqualTo(CustographHealth.WARN);
        assertThat(detail(health.health(), "lastValueRun")).containsEntry("runId", "run-2")
                .containsEntry("state", "INTERRUPTED").containsEntry("startedAt", "2026-11-24T02:00Z")
                .containsKey("error");
        lastRun.set(Optional.of(new AnalyticsRuns.LastRun("run-3", "RUNNING", started.plusHours(1))));
        assertThat(health.health().getStatus()).as("a run in progress is no alert").isEqualTo(Status.UP);
        lastRun.set(Optional.of(new AnalyticsRuns.LastRun("run-3", "SUCCEEDED", started.plusHours(1))));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void anUnansweringDatabaseLeavesTheRunStateUnknownWithoutAnAlert() {
        CustographHealth offline = new CustographHealth(new AlertThresholds(0.99, 1.0, 500, 2000, 100), meters,
                () -> jobs, backlog::get, () -> {
                    throw new IllegalStateException("the database is unavailable");
                });
        assertThat(offline.health().getStatus()).isEqualTo(Status.UP);
        assertThat(detail(offline.health(), "lastValueRun")).containsEntry("status", "UNKNOWN");
    }

    @Test
    void heapUseIsAShareOfTheMaximum() {
        assertThat(CustographHealth.heapUsed()).isBetween(0.0, 1.0);
        CustographHealth strict = new CustographHealth(new AlertThresholds(0.0, 0.0, 500, 2000, 100), meters,
                () -> jobs, backlog::get, lastRun::get);
        assertThat(strict.health().getStatus()).isEqualTo(CustographHealth.ERROR);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detail(Health health, String name) {
        return (Map<String, Object>) health.getDetails().get(name);
    }

    private static Job job(String kind, Job.State state, String error) {
        OffsetDateTime now = OffsetDateTime.now();
        return new Job("id-" + kind + state, kind, state, 1, "done", 1, 3, now, now, now, null, error, null,
                "schedule");
    }
}
