package dev.custograph.ingest;

import java.util.List;

/**
 * The outcome of one import, printed as JSON by {@code import --json}: per file what was read, imported and
 * rejected; what the graph gained (from Neo4j's own counters, so a repeated import shows zero created); and the
 * wall-clock time.
 */
public record ImportReport(String format, List<FileReport> files, long nodesCreated, long relationshipsCreated,
                           long propertiesSet, double seconds) {
}
