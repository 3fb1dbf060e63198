package dev.custograph.recommend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.custograph.graph.Graph;
import dev.custograph.graph.GraphChange;
import dev.custograph.graph.Row;
import dev.custograph.graph.RunRecord;
import dev.custograph.model.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Customers who bought alike. For one customer, found live by a Cypher traversal
 * ({@code cypher/similarity/similar-customers.cypher}); for every customer at once, by the same computation in memory
 * over a projection of the graph ({@link PurchaseMatrix}), materialised as
 * {@code (:Customer)-[:SIMILAR {score, shared, rank, measure, runId}]->(:Customer)} for the top k, which the
 * recommender and the API read in one hop.
 */
public final class SimilarCustomers {

    /** What this run's writes announce: its kind's results changed. */
    private static final GraphChange WRITES = new GraphChange.RunWrote(GraphChange.RunKind.SIMILARITY);

    /** The most neighbours a customer keeps or a request returns; larger requests are cut to this. */
    public static final int MAX_K = 100;

    private static final Logger log = LoggerFactory.getLogger(SimilarCustomers.class);
    private static final int WRITE_BATCH = 1_000;

    /** A live look-up: whether the customer exists at all (an unknown id is not an error), and its neighbours. */
    public record Lookup(String customerId, boolean customerExists, SimilarityMeasure measure,
                         List<SimilarCustomer> similar) {

        /** Why the list is empty, for people; null when it is not. */
        public String message() {
            if (!customerExists) {
                return "no customer with id " + customerId;
            }
            return similar.isEmpty() ? "customer " + customerId + " shares no purchase with any other customer"
                    : null;
        }
    }

    /** A materialising run. */
    public record Report(String runId, String measure, int k, int customers, long relationships,
                         long staleRemoved, double projectionSeconds, double computeSeconds, double writeSeconds,
                         double seconds) {
    }

    private final Graph graph;

    public SimilarCustomers(Graph graph) {
        this.graph = graph;
    }

    /** k cut to 1..MAX_K; below 1 is refused. */
    public static int checkedK(int k) {
        if (k < 1) {
            throw new InvalidParameterException("k", "must be at least 1, got " + k);
        }
        return Math.min(k, MAX_K);
    }

    /** The k customers most similar to this one, computed now by traversal. */
    public Lookup of(String customerId, int k, SimilarityMeasure measure) {
        int limit = checkedK(k);
        if (graph.rows("read/customers-by-id", Map.of("ids", List.of(customerId))).isEmpty()) {
            return new Lookup(customerId, false, measure, List.of());
        }
        List<SimilarCustomer> similar = graph.rows("similarity/similar-customers", Map.of("customerId",
                customerId, "measure", measure.label(), "k", limit)).stream()
                .map(row -> new SimilarCustomer(row.string("customerId"), row.string("name"),
                        row.doubleOrNull("score"), row.longOrNull("shared")))
                .toList();
        return new Lookup(customerId, true, measure, similar);
    }

    /** Reads what every customer bought (customers who bought nothing are left out). */
    public static PurchaseMatrix project(Graph graph) {
        return project(graph, new HashMap<>());
    }

    /** Reads what every customer bought, and fills {@code returned} with what each only cancelled or returned. */
    static PurchaseMatrix project(Graph graph, Map<String, List<String>> returned) {
        List<String> ids = new ArrayList<>();
        List<List<String>> products = new ArrayList<>();
        List<List<Long>> units = new ArrayList<>();
        for (Row row : graph.rows("similarity/purchases", Map.of())) {
            String id = row.string("customerId");
            List<String> bought = row.strings("products");
            List<Long> quantities = row.longs("quantities");
            List<String> back = row.strings("returned");
            if (!back.isEmpty()) {
                returned.put(id, back);
            }
            if (!bought.isEmpty()) {
                ids.add(id);
                products.add(bought);
                units.add(quantities);
            }
        }
        return new PurchaseMatrix(ids, products, units);
    }

    /** Finds every customer's k most similar customers and writes them as SIMILAR, replacing the previous run's. */
    public Report materialise(int k, SimilarityMeasure measure) {
        int limit = checkedK(k);
        long started = System.nanoTime();
        PurchaseMatrix matrix = project(graph);
        long projected = System.nanoTime();
        log.info("similar: {} customers with purchases read in {} s", String.format("%,d", matrix.customers()),
                String.format("%.1f", (projected - started) / 1e9));
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        long[] lastLog = {projected};
        PurchaseMatrix.Neighbours[] neighbours = matrix.topK(limit, measure, threads, done -> {
            synchronized (lastLog) {
                if (System.nanoTime() - lastLog[0] > 5e9 || done == matrix.customers()) {
                    lastLog[0] = System.nanoTime();
                    log.info("similar: {} of {} customers compared", String.format("%,d", done),
                            String.format("%,d", matrix.customers()));
                }
            }
        });
        long computed = System.nanoTime();
        String runId = UUID.randomUUID().toString();
        long relationships = 0;
        List<Object> rows = new ArrayList<>();
        for (int c = 0; c < matrix.customers(); c++) {
            PurchaseMatrix.Neighbours n = neighbours[c];
            List<Object> list = new ArrayList<>(n.customers().length);
            for (int i = 0; i < n.customers().length; i++) {
                list.add(List.of(matrix.customerId(n.customers()[i]), n.scores()[i], (long) n.shared()[i]));
            }
            relationships += list.size();
            rows.add(List.of(matrix.customerId(c), list));
            if (rows.size() == WRITE_BATCH || c == matrix.customers() - 1) {
                // One writer: a SIMILAR relationship locks both its customers, so parallel batches would collide.
                graph.write("similarity/replace-similar", Map.of("rows", rows, "measure", measure.label(),
                        "runId", runId), WRITES);
                rows = new ArrayList<>();
                if ((c + 1) % (WRITE_BATCH * 20) == 0) {
                    log.info("similar: {} customers written", String.format("%,d", c + 1));
                }
            }
        }
        long stale = 0;
        for (long removed; (removed = graph.writeReturningLong("similarity/clear-stale-similar",
                Map.of("runId", runId, "batch", 10_000), WRITES)) > 0; ) {
            stale += removed;
        }
        RunRecord.finished(GraphChange.RunKind.SIMILARITY, runId).with("measure", measure.label())
                .with("k", (long) limit)
                .with("customers", (long) matrix.customers()).writeTo(graph);
        long finished = System.nanoTime();
        return new Report(runId, measure.label(), limit, matrix.customers(), relationships, stale,
                (projected - started) / 1e9, (computed - projected) / 1e9, (finished - computed) / 1e9,
                (finished - started) / 1e9);
    }
}
