package dev.custograph.monitoring;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import dev.custograph.analytics.AnalyticsRuns;
import dev.custograph.jobs.Job;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code custograph} part of {@code /actuator/health}: each watched figure with its value, its thresholds and
 * its state (UP, WARN or ERROR), and the worst of them as the status. Neo4j's reachability is Spring Boot's own
 * {@code neo4j} part (DOWN when it does not answer). WARN and ERROR are alerts for people and monitoring systems;
 * the HTTP status stays 200 for them (application.properties), so a load balancer does not drop a serving instance
 * because a nightly job failed.
 */
public final class CustographHealth implements HealthIndicator {

    public static final Status WARN = new Status("WARN", "a watched figure passed its warning threshold");
    public static final Status ERROR = new Status("ERROR", "a watched figure passed its error threshold");

    private final AlertThresholds thresholds;
    private final MeterRegistry meters;
    private final Supplier<List<Job>> jobs;
    private final IntSupplier auditBacklog;
    private final Supplier<Optional<AnalyticsRuns.LastRun>> lastValueRun;

    public CustographHealth(AlertThresholds thresholds, MeterRegistry meters, Supplier<List<Job>> jobs,
                            IntSupplier auditBacklog, Supplier<Optional<AnalyticsRuns.LastRun>> lastValueRun) {
        this.thresholds = thresholds;
        this.meters = meters;
        this.jobs = jobs;
        this.auditBacklog = auditBacklog;
        this.lastValueRun = lastValueRun;
    }

    @Override
    public Health health() {
        Map<String, Object> checks = new LinkedHashMap<>();
        Status worst = Status.UP;
        worst = worse(worst, check(checks, "heapUsed", heapUsed(), thresholds.heapWarn(), thresholds.heapError()));
        worst = worse(worst, check(checks, "slowestReadMs", slowestReadMs(), thresholds.readLatencyWarnMs(),
                thresholds.readLatencyErrorMs()));
        worst = worse(worst, check(checks, "auditBacklog", auditBacklog.getAsInt(), thresholds.auditBacklogWarn(),
                Double.POSITIVE_INFINITY));
        Map<String, Object> lastJobs = new LinkedHashMap<>();
        for (Job job : jobs.get()) {
            if (lastJobs.containsKey(job.kind())) {
                continue; // newest first: only each kind's latest
            }
            Status state = switch (job.state()) {
                case RETRYING -> WARN;
                case FAILED -> ERROR;
                default -> Status.UP;
            };
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("id", job.id());
            detail.put("state", job.state().name());
            detail.put("finishedAt", job.finishedAt() == null ? null : job.finishedAt().toString());
            if (job.error() != null) {
                detail.put("error", job.error());
            }
            detail.put("status", state.getCode());
            lastJobs.put(job.kind(), detail);
            worst = worse(worst, state);
        }
        Map<String, Object> valueRun = new LinkedHashMap<>();
        worst = worse(worst, lastValueRun(valueRun));
        return Health.status(worst).withDetails(checks).withDetail("lastJobs", lastJobs)
                .withDetail("lastValueRun", valueRun).build();
    }

    /**
     * WARN while the value run started last is INTERRUPTED: its process died while writing, so some customers carry
     * its values and the rest an earlier run's, until the next run (scheduled, {@code analyze} or
     * {@code runAnalytics}) replaces them all. Unknown, not an alert, while the database does not answer: the
     * {@code neo4j} part reports that.
     */
    private Status lastValueRun(Map<String, Object> detail) {
        Optional<AnalyticsRuns.LastRun> last;
        try {
            last = lastValueRun.get();
        } catch (RuntimeException e) {
            detail.put("status", "UNKNOWN");
            return Status.UP;
        }
        if (last.isEmpty()) {
            detail.put("status", Status.UP.getCode());
            return Status.UP;
        }
        AnalyticsRuns.LastRun run = last.get();
        Status status = run.interrupted() ? WARN : Status.UP;
        detail.put("runId", run.runId());
        detail.put("state", run.status());
        detail.put("startedAt", run.startedAt() == null ? null : run.startedAt().toString());
        if (run.interrupted()) {
            detail.put("error", "the run stopped while writing customer values; run analytics again to replace them");
        }
        detail.put("status", status.getCode());
        return status;
    }

    private static Status check(Map<String, Object> checks, String name, double value, double warn, double error) {
        Status status = value >= error ? ERROR : value >= warn ? WARN : Status.UP;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("value", Math.round(value * 1000) / 1000.0);
        detail.put("warn", warn);
        if (Double.isFinite(error)) {
            detail.put("error", error);
        }
        detail.put("status", status.getCode());
        checks.put(name, detail);
        return status;
    }

    /** Heap in use after the last garbage collection, over the maximum: what the application really holds. */
    static double heapUsed() {
        long used = 0;
        long max = Runtime.getRuntime().maxMemory();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                MemoryUsage afterGc = pool.getCollectionUsage();
                used += afterGc != null ? afterGc.getUsed() : pool.getUsage().getUsed();
            }
        }
        return max <= 0 ? 0 : (double) used / max;
    }

    /** The longest API read (a {@code read/} Cypher file) in Micrometer's rolling window (about two minutes). */
    private double slowestReadMs() {
        double slowest = 0;
        for (Timer timer : meters.find("custograph.cypher").timers()) {
            String file = timer.getId().getTag("file");
            if (file != null && file.startsWith("read/")) {
                slowest = Math.max(slowest, timer.max(TimeUnit.MILLISECONDS));
            }
        }
        return slowest;
    }

    private static Status worse(Status a, Status b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(Status status) {
        return status.equals(ERROR) ? 2 : status.equals(WARN) ? 1 : 0;
    }
}
