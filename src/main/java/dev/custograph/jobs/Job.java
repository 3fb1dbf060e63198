package dev.custograph.jobs;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A background job as seen at one moment: its kind (analytics, rules), state, progress from 0 to 1 with what it is
 * doing now, when it started and finished, its result (the run's report, JSON-ready) or why it failed.
 */
public record Job(String id, String kind, State state, double progress, String step, OffsetDateTime queuedAt,
                  OffsetDateTime startedAt, OffsetDateTime finishedAt, Map<String, Object> result, String error) {

    public enum State { QUEUED, RUNNING, SUCCEEDED, FAILED }
}
