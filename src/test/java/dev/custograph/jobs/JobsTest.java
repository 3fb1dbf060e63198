package dev.custograph.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Background jobs: one at a time, one per kind, retried with a doubling back-off, their states and timings kept. */
class JobsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Jobs jobs = new Jobs(meters);

    @AfterEach
    void close() {
        jobs.close();
    }

    @Test
    void aFailingJobIsRetriedWithBackOffUntilItSucceeds() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        long[] startedAt = new long[3];
        Job queued = jobs.start("refresh", progress -> {
            int attempt = attempts.incrementAndGet();
            startedAt[attempt - 1] = System.nanoTime();
            if (attempt < 3) {
                throw new IllegalStateException("the database is busy (attempt " + attempt + ")");
            }
            progress.at("working", 0.5);
            return Map.of("attempts", attempt);
        }, new Jobs.Retry(3, Duration.ofMillis(100)), "schedule").job();

        Job done = await(queued.id());
        assertThat(done.state()).isEqualTo(Job.State.SUCCEEDED);
        assertThat(done.attempt()).isEqualTo(3);
        assertThat(done.result()).containsEntry("attempts", 3);
        assertThat(done.trigger()).isEqualTo("schedule");
        // Waits of 100 ms, then 200 ms: doubling.
        assertThat(Duration.ofNanos(startedAt[1] - startedAt[0])).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(Duration.ofNanos(startedAt[2] - startedAt[1])).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(meters.timer("custograph.job", "kind", "refresh", "outcome", "failed").count()).isEqualTo(2);
        assertThat(meters.timer("custograph.job", "kind", "refresh", "outcome", "succeeded").count()).isEqualTo(1);
    }

    @Test
    void aJobThatKeepsFailingEndsFailedWithItsReason() throws Exception {
        Job queued = jobs.start("rules", progress -> {
            throw new IllegalArgumentException("minSupport must be in (0, 1]");
        }, new Jobs.Retry(2, Duration.ofMillis(10)), "api").job();
        Job failed = await(queued.id());
        assertThat(failed.state()).isEqualTo(Job.State.FAILED);
        assertThat(failed.attempt()).isEqualTo(2);
        assertThat(failed.error()).isEqualTo("minSupport must be in (0, 1]");

        Job internal = await(jobs.start("other", progress -> {
            throw new NullPointerException("secret internals");
        }).job().id());
        assertThat(internal.error()).startsWith("internal error; the server log has the details").doesNotContain("secret");
    }

    @Test
    void aKindUnderWayIsNotStartedTwiceAndJobsRunOneAtATime() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Jobs.Work blocking = progress -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            release.await(10, TimeUnit.SECONDS);
            running.decrementAndGet();
            return Map.of();
        };
        Jobs.Started first = jobs.start("refresh", blocking);
        Jobs.Started again = jobs.start("refresh", blocking);
        Jobs.Started other = jobs.start("care-lists", progress -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            running.decrementAndGet();
            return Map.of();
        });
        assertThat(again.started()).isFalse();
        assertThat(again.job().id()).isEqualTo(first.job().id());
        assertThat(other.started()).isTrue();
        assertThat(jobs.job(other.job().id()).orElseThrow().state()).isEqualTo(Job.State.QUEUED);
        release.countDown();
        assertThat(await(first.job().id()).state()).isEqualTo(Job.State.SUCCEEDED);
        assertThat(await(other.job().id()).state()).isEqualTo(Job.State.SUCCEEDED);
        assertThat(mostAtOnce.get()).isEqualTo(1);
        assertThat(jobs.recent(null)).extracting(Job::kind).containsExactly("care-lists", "refresh");
        assertThat(jobs.start("refresh", blocking).started()).as("a finished kind may start again").isTrue();
    }

    private Job await(String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Job job = jobs.job(id).orElseThrow();
            if (job.state() == Job.State.SUCCEEDED || job.state() == Job.State.FAILED) {
                return job;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("job " + id + " did not finish: " + jobs.job(id));
    }
}
