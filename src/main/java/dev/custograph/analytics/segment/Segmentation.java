package dev.custograph.analytics.segment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.custograph.analytics.AnalyticsFailedException;
import dev.custograph.analytics.CustomerFeatures;
import dev.custograph.analytics.OrderDates;
import dev.custograph.graph.CustomerHistories;
import dev.custograph.graph.Graph;
import dev.custograph.graph.GraphChange;
import dev.custograph.graph.RunRecord;
import dev.custograph.model.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One segmentation run: customers' features as of a date out of the graph, scaled, clustered by K-Means, each
 * segment named and given an action, and the assignment written back as {@code (:Customer)-[:IN_SEGMENT]->(:Segment)}
 * replacing the previous run's at once (see {@code cypher/segment/make-current.cypher}).
 */
public final class Segmentation {

    /** What this run's writes announce: its kind's results changed. */
    private static final GraphChange WRITES = new GraphChange.RunWrote(GraphChange.RunKind.SEGMENT);

    private static final Logger log = LoggerFactory.getLogger(Segmentation.class);
    /**
     * k tried when it is chosen automatically: 3 to 8. On RFM data the silhouette often prefers two segments, and a
     * two-way split ("recent" against "lapsed") names no action a marketer can take for most of either half; past
     * eight, segments are too many to act on one by one. An explicit k is taken as given.
     */
    static final int MIN_AUTO_K = 3;
    static final int MAX_AUTO_K = 8;
    static final int SILHOUETTE_SAMPLE = 2_000;
    private static final int MAX_ITERATIONS = 300;
    private static final int WRITE_BATCH = 10_000;

    /**
     * {@code asOf} null: the last order date; {@code k} null: chosen by silhouette among 3..8 (fewer when there are
     * too few customers for 3).
     */
    public record Parameters(LocalDate asOf, Integer k, List<String> features, Scaling scale, int restarts,
                             long seed, boolean write) {

        public static final List<String> DEFAULT_FEATURES = List.of("recency", "frequency", "monetary");

        public Parameters {
            if (restarts < 1) {
                throw new InvalidParameterException("restarts", "must be at least 1, got " + restarts);
            }
            if (k != null && k < 1) {
                throw new InvalidParameterException("k", "must be at least 1, got " + k);
            }
        }

        public static Parameters defaults() {
            return new Parameters(null, null, DEFAULT_FEATURES, Scaling.LOG_ZSCORE, 10, 42, true);
        }
    }

    private final Graph graph;

    public Segmentation(Graph graph) {
        this.graph = graph;
    }

    public SegmentationReport run(Parameters p) {
        long started = System.nanoTime();
        OffsetDateTime startedAt = OffsetDateTime.now();
        List<String> features = CustomerFeatures.validate(graph, p.features());
        OrderDates orderDates = OrderDates.of(graph);
        LocalDate firstOrder = orderDates.first();
        LocalDate asOf = p.asOf() != null ? p.asOf() : orderDates.last();
        if (asOf.isBefore(firstOrder)) {
            throw new InvalidParameterException("asOf", asOf + " is before the first order (" + firstOrder
                    + "): there is no customer to segment");
        }

        CustomerFeatures.Builder builder = new CustomerFeatures.Builder(features, (int) asOf.toEpochDay());
        new CustomerHistories(graph).forEach(asOf, false, builder::add);
        CustomerFeatures.Table table = builder.build(graph);
        int n = table.size();
        int d = table.dimensions();
        double projectionSeconds = (System.nanoTime() - started) / 1e9;
        log.info("Projected {} customers with purchases up to {} in {} s", n, asOf,
                String.format("%.1f", projectionSeconds));
        if (n == 0) {
            throw new AnalyticsFailedException("no customer has a purchase up to " + asOf);
        }
        if (p.k() != null && p.k() > n) {
            throw new InvalidParameterException("k", p.k() + " is more than the " + n + " customers with purchases "
                    + "up to " + asOf);
        }

        long clusterStarted = System.nanoTime();
        double[] scaled = p.scale().apply(table.values(), d, features);
        List<SegmentationReport.KCandidate> elbow = null;
        int k;
        if (p.k() != null) {
            k = p.k();
        } else {
            if (n < 3) {
                throw new InvalidParameterException("k", "auto needs at least 3 customers, found " + n);
            }
            elbow = new ArrayList<>();
            int largest = Math.min(MAX_AUTO_K, n - 1);
            for (int candidate = Math.min(MIN_AUTO_K, largest); candidate <= largest; candidate++) {
                KMeans.Result result = KMeans.fit(scaled, d, candidate, p.restarts(), p.seed(), MAX_ITERATIONS);
                double silhouette = Silhouette.score(scaled, d, result.assignment(), candidate, SILHOUETTE_SAMPLE,
                        p.seed());
                elbow.add(new SegmentationReport.KCandidate(candidate, result.inertia(), silhouette));
                log.info("k = {}: inertia {}, silhouette {}", candidate, String.format("%.1f", result.inertia()),
                        String.format("%.3f", silhouette));
            }
            k = elbow.stream().max(Comparator.comparingDouble(SegmentationReport.KCandidate::silhouette)
                    .thenComparing(c -> -c.k())).orElseThrow().k();
        }
        KMeans.Result result = KMeans.fit(scaled, d, k, p.restarts(), p.seed(), MAX_ITERATIONS);
        Double silhouette = k >= 2 ? Silhouette.score(scaled, d, result.assignment(), k, SILHOUETTE_SAMPLE, p.seed())
                : null;
        double clusterSeconds = (System.nanoTime() - clusterStarted) / 1e9;

        String runId = UUID.randomUUID().toString();
        List<SegmentationReport.Segment> segments = describe(table, scaled, result, runId);
        double writeSeconds = 0;
        if (p.write()) {
            long writeStarted = System.nanoTime();
            write(table, result, segments, runId, asOf, p, startedAt);
            writeSeconds = (System.nanoTime() - writeStarted) / 1e9;
        }
        // Sizes follow the segments' order (largest first), as the segments do.
        return new SegmentationReport(runId, asOf, n, features, p.scale().name().toLowerCase().replace('_', '-'), k,
                p.k() != null ? "given" : "silhouette", result.inertia(), result.iterations(), result.converged(),
                p.restarts(), p.seed(), segments.stream().map(SegmentationReport.Segment::size).toList(), segments,
                elbow, silhouette, table.imputed(), projectionSeconds, clusterSeconds, writeSeconds,
                (System.nanoTime() - started) / 1e9);
    }

    /** Segments largest first, with means in original units, names, actions and revenue shares. */
    static List<SegmentationReport.Segment> describe(CustomerFeatures.Table table, double[] scaled,
                                                             KMeans.Result result, String runId) {
        int n = table.size();
        int d = table.dimensions();
        int k = result.k();
        long[] size = new long[k];
        double[] revenue = new double[k];
        double[][] sum = new double[k][d];
        double totalRevenue = 0;
        for (int i = 0; i < n; i++) {
            int c = result.assignment()[i];
            size[c]++;
            revenue[c] += table.spend()[i];
            totalRevenue += table.spend()[i];
            for (int j = 0; j < d; j++) {
                sum[c][j] += table.value(i, j);
            }
        }
        // Names come from where each segment's members' median sits among all customers (SegmentNames.position).
        double[][] base = new double[d][n];
        double[][][] members = new double[k][d][];
        int[] filled = new int[k];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                members[c][j] = new double[(int) size[c]];
            }
        }
        for (int i = 0; i < n; i++) {
            int c = result.assignment()[i];
            for (int j = 0; j < d; j++) {
                base[j][i] = table.value(i, j);
                members[c][j][filled[c]] = table.value(i, j);
            }
            filled[c]++;
        }
        for (double[] column : base) {
            Arrays.sort(column);
        }
        List<Integer> order = IntStream.range(0, k).boxed()
                .sorted(Comparator.comparingLong((Integer c) -> -size[c]).thenComparing(c -> c)).toList();
        List<SegmentationReport.Segment> segments = new ArrayList<>();
        Map<String, Integer> nameCounts = new HashMap<>();
        String shortRun = runId.substring(0, 8);
        for (int rank = 0; rank < k; rank++) {
            int c = order.get(rank);
            double[] z = new double[d];
            Map<String, Double> centroid = new LinkedHashMap<>();
            for (int j = 0; j < d; j++) {
                z[j] = size[c] == 0 ? 0 : SegmentNames.position(base[j], median(members[c][j]));
                centroid.put(table.names().get(j), size[c] == 0 ? null : round(sum[c][j] / size[c], 4));
            }
            String name = SegmentNames.name(table.names(), z);
            int seen = nameCounts.merge(name, 1, Integer::sum);
            segments.add(new SegmentationReport.Segment(shortRun + "-" + (rank + 1),
                    seen == 1 ? name : name + " (" + seen + ")", SegmentNames.action(table.names(), z), size[c],
                    totalRevenue > 0 ? round(revenue[c] / totalRevenue, 6) : 0, centroid));
        }
        // Re-number the assignment by rank, so segment i of the report is cluster i of the write-back.
        int[] rankOf = new int[k];
        for (int rank = 0; rank < k; rank++) {
            rankOf[order.get(rank)] = rank;
        }
        for (int i = 0; i < n; i++) {
            result.assignment()[i] = rankOf[result.assignment()[i]];
        }
        return segments;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    private void write(CustomerFeatures.Table table, KMeans.Result result, List<SegmentationReport.Segment> segments,
                       String runId, LocalDate asOf, Parameters p, OffsetDateTime startedAt) {
        long writeStarted = System.nanoTime();
        // Leftovers of a run that stopped before switching (not current, never read) go first.
        deleteOldSegments();
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (SegmentationReport.Segment s : segments) {
            Map<String, Object> node = new HashMap<>();
            node.put("segmentId", s.segmentId());
            node.put("runId", runId);
            node.put("model", "kmeans");
            node.put("name", s.name());
            node.put("action", s.action());
            node.put("size", s.size());
            node.put("revenueShare", s.revenueShare());
            node.put("features", table.names());
            node.put("centroid", new ArrayList<>(s.centroid().values()));
            node.put("asOf", asOf);
            node.put("createdAt", OffsetDateTime.now());
            s.centroid().forEach((feature, value) -> node.put("centroid" + Character.toUpperCase(feature.charAt(0))
                    + feature.substring(1), value));
            nodes.add(node);
        }
        graph.write("segment/create-segments", Map.of("segments", nodes), WRITES);
        // One writer: every membership of a segment ends on the same (dense) node, and two writers were no faster.
        List<List<String>> members = new ArrayList<>();
        segments.forEach(s -> members.add(new ArrayList<>()));
        for (int i = 0; i < table.size(); i++) {
            int segment = result.assignment()[i];
            members.get(segment).add(table.ids().get(i));
            if (members.get(segment).size() == WRITE_BATCH) {
                graph.write("segment/assign-customers", Map.of("segmentId", segments.get(segment).segmentId(),
                        "ids", members.get(segment)), WRITES);
                members.set(segment, new ArrayList<>());
            }
        }
        for (int s = 0; s < segments.size(); s++) {
            if (!members.get(s).isEmpty()) {
                graph.write("segment/assign-customers", Map.of("segmentId", segments.get(s).segmentId(),
                        "ids", members.get(s)), WRITES);
            }
        }
        long assigned = System.nanoTime();
        graph.writeReturningLong("segment/make-current", Map.of("runId", runId), WRITES);
        deleteOldSegments();
        log.info("Wrote {} memberships in {} s, then switched runs and deleted the previous run's in {} s",
                table.size(), String.format("%.1f", (assigned - writeStarted) / 1e9),
                String.format("%.1f", (System.nanoTime() - assigned) / 1e9));
        RunRecord.finished(GraphChange.RunKind.SEGMENT, runId).with("asOf", asOf).with("startedAt", startedAt)
                .withJson("parameters", p)
                .with("customers", table.size()).with("k", segments.size()).writeTo(graph);
    }

    private void deleteOldSegments() {
        while (graph.writeReturningLong("segment/delete-old-memberships", Map.of("batch", WRITE_BATCH), WRITES) > 0) {
            // one batch of memberships per transaction
        }
        graph.writeReturningLong("segment/delete-old-segments", Map.of(), WRITES);
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
