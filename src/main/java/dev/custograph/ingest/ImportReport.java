package dev.custograph.ingest;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one import, printed as JSON by {@code import --json}. Every row read is accounted for:
 * {@code rowsRead = rowsImported + rowsRejected}, per file and in total, and {@code rejectedByReason} adds up to
 * {@code rowsRejected}. {@code standardised} counts the values that were changed or could not be standardised
 * (e.g. {@code emailsLowerCased}, {@code phonesInvalid}). Created counts come from Neo4j's own counters, so a
 * repeated import shows zero created. {@code customersMerged} counts incoming customer records that identity
 * resolution put on an existing customer (same email or phone as another source's customer, or an explicit id)
 * instead of creating one. {@code anomaliesFlagged} is how many order lines and orders in the whole
 * graph are now flagged as extreme (see {@code AnomalyFlags}). {@code rejectsFile} is where the rejected rows were written, or null.
 * {@code path} says how the graph was written: {@code "bulk"} (an empty embedded store, written by Neo4j's batch
 * import engine in one go) or {@code "transactional"} (batches of Cypher statements, for a store that holds data or an
 * external database).
 */
public record ImportReport(String format, String path, List<FileReport> files, long rowsRead, long rowsImported,
                           long rowsRejected, Map<String, Long> rejectedByReason, Map<String, Long> standardised,
                           long customersCreated, long customersMerged, long productsCreated, long ordersCreated, long nodesCreated,
                           long relationshipsCreated, long anomaliesFlagged, String rejectsFile, double seconds,
                           double rowsPerSecond) {

    public ImportReport {
        files = List.copyOf(files);
        rejectedByReason = Map.copyOf(rejectedByReason);
        standardised = Map.copyOf(standardised);
    }
}
