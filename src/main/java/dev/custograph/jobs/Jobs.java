package dev.custograph.jobs;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs long work (an analytics refresh, a rules run) in the background, one job at a time, and keeps the last
 * {@value #KEPT} jobs' states for {@code job(id)}. A kind that is already queued or running is not started again:
 * the caller gets the job already under way. Jobs live in this process's memory: a restart forgets them (the runs
 * they wrote stay recorded in the graph).
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

    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "custograph-jobs");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    /** Queues {@code work} as a job of {@code kind}, unless one of that kind is waiting or running. */
    public synchronized Started start(String kind, Work work) {
        Optional<Job> underWay = jobs.values().stream().filter(job -> job.kind().equals(kind)
                && (job.state() == Job.State.QUEUED || job.state() == Job.State.RUNNING)).findFirst();
        if (underWay.isPresent()) {
            return new Started(underWay.get(), false);
        }
        String id = UUID.randomUUID().toString();
        Job queued = new Job(id, kind, Job.State.QUEUED, 0, "queued", now(), null, null, null, null);
        put(queued);
        executor.submit(() -> run(id, work));
        return new Started(queued, true);
    }

    /** The job just queued, or the one of that kind already under way ({@code started} false). */
    public record Started(Job job, boolean started) {
    }

    public synchronized Optional<Job> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** The jobs kept, newest first. */
    public synchronized List<Job> recent() {
        List<Job> all = new java.util.ArrayList<>(jobs.values());
        java.util.Collections.reverse(all);
        return all;
    }

    private void run(String id, Work work) {
        update(id, job -> new Job(id, job.kind(), Job.State.RUNNING, 0, "starting", job.queuedAt(), now(), null,
                null, null));
        try {
            Map<String, Object> result = work.run((step, done) -> update(id, job -> new Job(id, job.kind(),
                    Job.State.RUNNING, Math.max(0, Math.min(1, done)), step, job.queuedAt(), job.startedAt(), null,
                    null, null)));
            update(id, job -> new Job(id, job.kind(), Job.State.SUCCEEDED, 1, "done", job.queuedAt(),
                    job.startedAt(), now(), result, null));
        } catch (Exception | Error e) {
            LOG.warn("Job {} failed", id, e);
            // Our own refusals explain themselves; anything else may carry internals, which stay in the log.
            boolean explained = e instanceof IllegalArgumentException || e instanceof IllegalStateException
                    || e.getClass().getSimpleName().endsWith("FailedException");
            String reason = explained && e.getMessage() != null ? e.getMessage()
                    : "internal error; the server log has the details (job " + id + ")";
            update(id, job -> new Job(id, job.kind(), Job.State.FAILED, job.progress(), job.step(), job.queuedAt(),
                    job.startedAt(), now(), null, reason));
        }
    }

    private synchronized void update(String id, Function<Job, Job> change) {
        jobs.computeIfPresent(id, (key, job) -> change.apply(job));
    }

    private synchronized void put(Job job) {
        jobs.put(job.id(), job);
        while (jobs.size() > KEPT) {
            String oldest = jobs.keySet().iterator().next();
            Job state = jobs.get(oldest);
            if (state.state() == Job.State.QUEUED || state.state() == Job.State.RUNNING) {
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
        executor.shutdownNow();
    }
}
