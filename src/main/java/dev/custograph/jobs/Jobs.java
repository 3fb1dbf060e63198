package dev.custograph.jobs;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs long work (an analytics refresh, a rules run, the care lists) in the background on one worker thread, so two
 * jobs never run at once, and keeps the last {@value #KEPT} jobs' states for {@code job(id)} and {@code jobs}. A kind
 * already queued, running or waiting to retry is not started again: the caller gets the job under way. A failed
 * attempt is retried after a back-off that doubles each time ({@link Retry}); the job is FAILED when the attempts run
 * out. Each attempt is timed as {@code custograph.job} (tags kind, outcome). Jobs live in this process's memory: a
 * restart forgets them (the runs they wrote stay recorded in the graph).
 */
public final class Jobs implements AutoCloseable {

    static final int KEPT = 100;
    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

    /** The steps of one job; each reports progress through {@link Progress}. */
    public interface Work {
        Map<String, Object> run(Progress progress) throws Exception;
    }

    /** What a running job says about itself: the step it is on and the share done. */
    public interface Progress {
        void at(String step, double done);
    }

    /** How often to try, and how long to wait before the second attempt (doubling for each one after). */
    public record Retry(int maxAttempts, Duration firstDelay) {
        public static final Retry ONCE = new Retry(1, Duration.ZERO);

        public Retry {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
            }
        }

        Duration delayBefore(int attempt) {
            return firstDelay.multipliedBy(1L << Math.min(20, attempt - 2));
        }
    }

    /** The job just queued, or the one of that kind already under way ({@code started} false). */
    public record Started(Job job, boolean started) {
    }

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "custograph-jobs");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final MeterRegistry meters;

    public Jobs(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Queues {@code work} as a job of {@code kind} tried once, unless one of that kind is under way. */
    public Started start(String kind, Work work) {
        return start(kind, work, Retry.ONCE, "api");
    }

    /**
     * Queues {@code work} as a job of {@code kind}, retried as {@code retry} says, unless one of that kind is under
     * way; {@code trigger} says who asked (api, schedule).
     */
    public synchronized Started start(String kind, Work work, Retry retry, String trigger) {
        Optional<Job> underWay = jobs.values().stream().filter(job -> job.kind().equals(kind) && job.underWay())
                .findFirst();
        if (underWay.isPresent()) {
            return new Started(underWay.get(), false);
        }
        String id = UUID.randomUUID().toString();
        Job queued = new Job(id, kind, Job.State.QUEUED, 0, "queued", 1, retry.maxAttempts(), now(), null, null,
                null, null, null, trigger);
        put(queued);
        worker.execute(() -> attempt(id, work, retry));
        return new Started(queued, true);
    }

    public synchronized Optional<Job> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** The jobs kept, newest first; of one kind when {@code kind} is not null. */
    public synchronized List<Job> recent(String kind) {
        List<Job> all = new ArrayList<>(jobs.values().stream().filter(j -> kind == null || j.kind().equals(kind))
                .toList());
        Collections.reverse(all);
        return all;
    }

    private void attempt(String id, Work work, Retry retry) {
        Job current = update(id, job -> new Job(id, job.kind(), Job.State.RUNNING, 0, "starting", job.attempt(),
                job.maxAttempts(), job.queuedAt(), now(), null, null, null, null, job.trigger()));
        Timer.Sample sample = Timer.start(meters);
        try {
            Map<String, Object> result = work.run((step, done) -> update(id,
                    job -> job.with(Job.State.RUNNING, Math.max(0, Math.min(1, done)), step)));
            sample.stop(meters.timer("custograph.job", "kind", current.kind(), "outcome", "succeeded"));
            update(id, job -> new Job(id, job.kind(), Job.State.SUCCEEDED, 1, "done", job.attempt(),
                    job.maxAttempts(), job.queuedAt(), job.startedAt(), now(), result, null, null, job.trigger()));
        } catch (Exception | Error e) {
            sample.stop(meters.timer("custograph.job", "kind", current.kind(), "outcome", "failed"));
            String reason = reason(id, e);
            if (current.attempt() < retry.maxAttempts()) {
                Duration delay = retry.delayBefore(current.attempt() + 1);
                LOG.warn("Job {} ({}) attempt {} of {} failed: {}; trying again in {} s", id, current.kind(),
                        current.attempt(), retry.maxAttempts(), reason, delay.toSeconds(), e);
                update(id, job -> new Job(id, job.kind(), Job.State.RETRYING, job.progress(), job.step(),
                        job.attempt() + 1, job.maxAttempts(), job.queuedAt(), job.startedAt(), now(), null, reason,
                        now().plus(delay), job.trigger()));
                worker.schedule(() -> attempt(id, work, retry), delay.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                LOG.warn("Job {} ({}) failed after {} attempt(s): {}", id, current.kind(), current.attempt(), reason,
                        e);
                update(id, job -> new Job(id, job.kind(), Job.State.FAILED, job.progress(), job.step(),
                        job.attempt(), job.maxAttempts(), job.queuedAt(), job.startedAt(), now(), null, reason, null,
                        job.trigger()));
            }
        }
    }

    /** Our own refusals explain themselves; anything else may carry internals, which stay in the log. */
    private static String reason(String id, Throwable e) {
        boolean explained = e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e.getClass().getSimpleName().endsWith("FailedException");
        return explained && e.getMessage() != null ? e.getMessage()
                : "internal error; the server log has the details (job " + id + ")";
    }

    private synchronized Job update(String id, UnaryOperator<Job> change) {
        return jobs.computeIfPresent(id, (key, job) -> change.apply(job));
    }

    private synchronized void put(Job job) {
        jobs.put(job.id(), job);
        while (jobs.size() > KEPT) {
            String oldest = jobs.keySet().iterator().next();
            if (jobs.get(oldest).underWay()) {
                break;
            }
            jobs.remove(oldest);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
