package dev.custograph.jobs;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A background job as seen at one moment: its kind (analytics, rules, refresh, care-lists), state, progress from 0
 * to 1 with what it is doing now, which attempt it is on, when it started and finished, its result (the run's report,
 * JSON-ready) or why it failed, and when it will try again after a failure.
 */
public record Job(String id, String kind, State state, double progress, String step, int attempt, int maxAttempts,
                  OffsetDateTime queuedAt, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                  Map<String, Object> result, String error, OffsetDateTime nextAttemptAt, String trigger) {

    /**
     * QUEUED (waiting for the one worker), RUNNING, RETRYING (failed, another attempt is scheduled), SUCCEEDED,
     * FAILED (every attempt failed).
     */
    public enum State { QUEUED, RUNNING, RETRYING, SUCCEEDED, FAILED }

    /** Whether the job is still to finish. */
    public boolean underWay() {
        return state == State.QUEUED || state == State.RUNNING || state == State.RETRYING;
    }

    Job with(State newState, double newProgress, String newStep) {
        return new Job(id, kind, newState, newProgress, newStep, attempt, maxAttempts, queuedAt, startedAt,
                finishedAt, result, error, nextAttemptAt, trigger);
    }
}
