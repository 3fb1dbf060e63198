package dev.custograph.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.custograph.graph.Graph;
import dev.custograph.graph.GraphChange;
import dev.custograph.graph.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log of personal data, kept in the graph as {@code (:AuditEntry)} nodes so an admin can query it
 * ({@code auditLog} in the API, {@code cypher/read/audit-entries.cypher} in Browser).
 *
 * <p>Changes (upsert, merge, erase, ...) write their entry in the same transaction as the change, through
 * {@link #statement}, so there is never a change without its entry. Reads are many and must not slow the request
 * down: {@link #recordLater} queues them and a background thread appends the queue once a second (and on close), so
 * a read entry can be lost only if the process dies within that second.
 */
public final class AuditLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final int MAX_BATCH = 5_000;

    private final Graph graph;
    private final ConcurrentLinkedQueue<AuditEntry> pending = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService flusher;

    public AuditLog(Graph graph) {
        this.graph = graph;
        this.flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "custograph-audit");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, 1, 1, TimeUnit.SECONDS);
    }

    /** The statement that appends these entries, for a unit of work that writes them with its change. */
    public static Graph.Statement statement(List<AuditEntry> entries) {
        return new Graph.Statement("audit/record-entries",
                Map.of("entries", entries.stream().map(AuditEntry::row).toList()),
                new GraphChange.Bookkeeping("audit"));
    }

    /** Appends the entry now, in its own transaction. */
    public void record(AuditEntry entry) {
        Graph.Statement statement = statement(List.of(entry));
        graph.write(statement.name(), statement.parameters(), statement.change());
    }

    /** Queues the entry; it is written within about a second. */
    public void recordLater(AuditEntry entry) {
        pending.add(entry);
    }

    /** How many read entries wait to be written (a growing number means the database is not keeping up). */
    public int backlog() {
        return pending.size();
    }

    /** Writes every queued entry now (also what the background thread does). */
    public synchronized void flush() {
        while (!pending.isEmpty()) {
            List<AuditEntry> batch = new ArrayList<>();
            AuditEntry next;
            while (batch.size() < MAX_BATCH && (next = pending.poll()) != null) {
                batch.add(next);
            }
            Graph.Statement statement = statement(batch);
            graph.write(statement.name(), statement.parameters(), statement.change());
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            // Kept queued entries are lost only with the process; the next tick tries again.
            LOG.warn("Could not write the audit log ({} entries waiting): {}", pending.size(), e.getMessage());
        }
    }

    /**
     * Entries newest first: about one customer and/or by one actor (null for any), after the entry with id
     * {@code cursor} (null for the newest), at most {@code limit}; or, {@code backward}, the entries before it (newer),
     * nearest first (null cursor: the oldest). Queued entries are written first, so a read sees its own request.
     */
    public List<AuditEntry> entries(String customerId, String actor, String cursor, boolean backward, int limit) {
        flush();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("customerId", customerId);
        parameters.put("actor", actor);
        parameters.put(backward ? "before" : "after", cursor);
        parameters.put("limit", limit);
        List<AuditEntry> entries = new ArrayList<>();
        for (Row row : graph.rows(backward ? "read/audit-entries-before" : "read/audit-entries", parameters)) {
            List<String> customerIds = row.strings("customerIds");
            List<String> fields = row.strings("fields");
            entries.add(new AuditEntry(row.string("entryId"), row.time("at"), row.string("actor"),
                    row.string("role"), row.string("action"), customerIds, fields,
                    row.string("detail")));
        }
        return entries;
    }

    /** How many entries {@link #entries} would page through for the same customer and actor (null for any). */
    public long count(String customerId, String actor) {
        flush();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("customerId", customerId);
        parameters.put("actor", actor);
        return graph.readLong("read/audit-entries-count", parameters);
    }

    @Override
    public void close() {
        flusher.shutdown();
        flushQuietly();
    }
}
