package dev.custograph.monitoring;

/**
 * Where a watched figure turns the health to WARN or ERROR, from {@code custograph.alerts.*}
 * (docs/operations.md says what each means and what to do).
 *
 * @param heapWarn            share of the maximum heap in use (after the last collection) for WARN
 * @param heapError           ... for ERROR
 * @param readLatencyWarnMs   the slowest API read (a {@code read/} Cypher file) in the last two minutes, for WARN
 * @param readLatencyErrorMs  ... for ERROR
 * @param auditBacklogWarn    audit entries queued and not yet written, for WARN (the database is not keeping up)
 */
public record AlertThresholds(double heapWarn, double heapError, double readLatencyWarnMs, double readLatencyErrorMs,
                              int auditBacklogWarn) {
}
