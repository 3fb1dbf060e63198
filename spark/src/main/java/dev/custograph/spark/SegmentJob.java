package dev.custograph.spark;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import dev.custograph.analytics.segment.SegmentNames;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code segment} on Spark: customers' features as of a date, scaled as the product scales them (log(1 + x), then
 * z-scores with the population deviation), clustered by MLlib's K-Means, each segment named and given an action by
 * the product's {@link SegmentNames}, and the assignment written as the in-JVM engine writes it (cypher/segment/):
 * new segments not yet current, memberships, then one switch, then the previous run's removed.
 *
 * <p>MLlib seeds with k-means|| rather than k-means++ and has no restarts: the job runs MLlib {@code restarts} times
 * with seeds drawn from {@code seed}, as the product does, and keeps the lowest inertia. k is given; choosing it by
 * silhouette ({@code --k auto}) runs in the product's engine.
 */
final class SegmentJob {

    private static final Logger log = LoggerFactory.getLogger(SegmentJob.class);
    private static final int MAX_ITERATIONS = 300;
    private static final int WRITE_BATCH = 10_000;

    record Parameters(LocalDate asOf, int k, List<String> features, String scale, int restarts, long seed,
                      boolean write) {

        Parameters {
            if (restarts < 1) {
                throw new IllegalArgumentException("--restarts: must be at least 1, got " + restarts);
            }
            if (k < 1) {
                throw new IllegalArgumentException("--k: must be at least 1, got " + k);
            }
            if (!scale.equals("zscore") && !scale.equals("log-zscore")) {
                throw new IllegalArgumentException("--scale: zscore or log-zscore, got '" + scale + "'");
            }
            features = CustomerFeatureTable.validate(features, "--features");
        }
    }

    private final Neo4jGraph graph;

    SegmentJob(Neo4jGraph graph) {
        this.graph = graph;
    }

    Map<String, Object> run(Parameters p) {
        long started = System.nanoTime();
        RunLedger ledger = new RunLedger(graph, "segment");
        LocalDate[] range = ledger.orderDates();
        LocalDate asOf = p.asOf() != null ? p.asOf() : range[1];
        if (asOf.isBefore(range[0])) {
            throw new IllegalArgumentException("--as-of: " + asOf + " is before the first order (" + range[0]
                    + "): there is no customer to segment");
        }
        List<String> features = p.features();
        Dataset<Row> histories = PurchaseHistories.upTo(graph.read("spark/customer-orders"), asOf, false);
        Dataset<Row> table = CustomerFeatureTable.asOf(histories, features, (int) asOf.toEpochDay()).cache();
        long n = table.count();
        if (n == 0) {
            throw new IllegalStateException("no customer has a purchase up to " + asOf);
        }
        if (p.k() > n) {
            throw new IllegalArgumentException("--k: " + p.k() + " is more than the " + n + " customers with "
                    + "purchases up to " + asOf);
        }
        boolean logged = p.scale().equals("log-zscore");
        CustomerFeatureTable.Moments moments = CustomerFeatureTable.Moments.of(
                logged ? CustomerFeatureTable.logged(table, features) : table, features,
                j -> "--features: '" + features.get(j) + "' is constant: it cannot separate customers; leave it out");
        Dataset<Row> scaled = CustomerFeatureTable.scaled(table, features, logged, moments).cache();

        // Restart i is seeded with the i-th number drawn from the seed, as the product's K-Means does.
        SplittableRandom seeds = new SplittableRandom(p.seed());
        KMeansModel best = null;
        double inertia = Double.POSITIVE_INFINITY;
        for (int restart = 0; restart < p.restarts(); restart++) {
            KMeansModel model = new KMeans().setK(p.k()).setSeed(seeds.nextLong()).setMaxIter(MAX_ITERATIONS)
                    .setTol(1e-6).setFeaturesCol("features").setPredictionCol("cluster").fit(scaled);
            double cost = model.summary().trainingCost();
            log.info("K-Means restart {}: inertia {} after {} iterations", restart + 1, cost,
                    model.summary().numIter());
            if (cost < inertia) {
                inertia = cost;
                best = model;
            }
        }
        Dataset<Row> assigned = best.transform(scaled).select("customerId", "cluster").cache();
        List<Map<String, Object>> segments = describe(best.transform(scaled), features, ledger.runId());
        Map<Integer, String> segmentOfCluster = new HashMap<>();
        segments.forEach(s -> segmentOfCluster.put((Integer) s.remove("cluster"), (String) s.get("segmentId")));

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("runId", ledger.runId());
        report.put("engine", "spark");
        report.put("asOf", asOf.toString());
        report.put("customers", n);
        report.put("features", features);
        report.put("scale", p.scale());
        report.put("k", p.k());
        report.put("kChosenBy", "given");
        report.put("inertia", inertia);
        report.put("restarts", p.restarts());
        report.put("seed", p.seed());
        report.put("sizes", segments.stream().map(s -> s.get("size")).toList());
        report.put("segments", segments.stream().map(SegmentJob::forReport).toList());
        if (p.write()) {
            write(ledger, assigned, segments, segmentOfCluster, asOf, p, n);
        }
        table.unpersist();
        scaled.unpersist();
        assigned.unpersist();
        report.put("seconds", RunLedger.round((System.nanoTime() - started) / 1e9, 1));
        return report;
    }

    /** Segments largest first: sizes, revenue shares, means in the features' own units, names and actions. */
    private static List<Map<String, Object>> describe(Dataset<Row> clustered,
                                                      List<String> features, String runId) {
        List<Column> aggregates = new ArrayList<>(List.of(count(lit(1)).as("size"), sum("spend").as("revenue")));
        features.forEach(f -> aggregates.add(avg(col(f)).as(f)));
        // Exact medians (percentile interpolates as the in-JVM run does), for the names (SegmentNames.position).
        features.forEach(f -> aggregates.add(expr("percentile(`" + f + "`, 0.5)").as("median_" + f)));
        List<Row> rows = new ArrayList<>(clustered.groupBy("cluster")
                .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
                .collectAsList());
        double totalRevenue = rows.stream().mapToDouble(r -> r.getDouble(2)).sum();
        rows.sort(Comparator.comparingLong((Row r) -> -r.getLong(1)).thenComparingInt(r -> r.getInt(0)));
        double[][] positions = positions(clustered, rows, features);
        List<Map<String, Object>> segments = new ArrayList<>();
        Map<String, Integer> nameCounts = new HashMap<>();
        String shortRun = runId.substring(0, 8);
        for (int rank = 0; rank < rows.size(); rank++) {
            Row row = rows.get(rank);
            int cluster = row.getInt(0);
            double[] z = positions[rank];
            Map<String, Double> centroid = new LinkedHashMap<>();
            for (int j = 0; j < features.size(); j++) {
                centroid.put(features.get(j), RunLedger.round(row.getDouble(3 + j), 4));
            }
            String name = SegmentNames.name(features, z);
            int seen = nameCounts.merge(name, 1, Integer::sum);
            Map<String, Object> segment = new LinkedHashMap<>();
            segment.put("cluster", cluster);
            segment.put("segmentId", shortRun + "-" + (rank + 1));
            segment.put("name", seen == 1 ? name : name + " (" + seen + ")");
            segment.put("action", SegmentNames.action(features, z));
            segment.put("size", row.getLong(1));
            segment.put("revenueShare", totalRevenue > 0 ? RunLedger.round(row.getDouble(2) / totalRevenue, 6) : 0.0);
            segment.put("centroid", centroid);
            segments.add(segment);
        }
        return segments;
    }

    /**
     * Each segment's position on each feature (SegmentNames.position): where its median falls among all customers,
     * counted in one pass over them (how many lie below each median, how many on it).
     */
    private static double[][] positions(Dataset<Row> clustered, List<Row> rows, List<String> features) {
        int d = features.size();
        List<Column> counts = new ArrayList<>(List.of(count(lit(1)).as("n")));
        for (int r = 0; r < rows.size(); r++) {
            for (int j = 0; j < d; j++) {
                double median = rows.get(r).getDouble(3 + d + j);
                Column value = col(features.get(j));
                counts.add(sum(when(value.lt(median), 1).otherwise(0)).as("below_" + r + "_" + j));
                counts.add(sum(when(value.equalTo(median), 1).otherwise(0)).as("on_" + r + "_" + j));
            }
        }
        Row c = clustered.agg(counts.get(0), counts.subList(1, counts.size()).toArray(Column[]::new)).first();
        double n = c.getLong(0);
        double[][] positions = new double[rows.size()][d];
        for (int r = 0; r < rows.size(); r++) {
            for (int j = 0; j < d; j++) {
                int at = 1 + 2 * (r * d + j);
                positions[r][j] = (c.getLong(at) + c.getLong(at + 1) / 2.0) / n - 0.5;
            }
        }
        return positions;
    }

    private static Map<String, Object> forReport(Map<String, Object> segment) {
        Map<String, Object> copy = new LinkedHashMap<>(segment);
        copy.remove("cluster");
        return copy;
    }

    @SuppressWarnings("unchecked")
    private void write(RunLedger ledger, Dataset<Row> assigned, List<Map<String, Object>> segments,
                       Map<Integer, String> segmentOfCluster, LocalDate asOf, Parameters p, long n) {
        long writeStarted = System.nanoTime();
        try {
            deleteOldSegments();
            List<Map<String, Object>> nodes = new ArrayList<>();
            for (Map<String, Object> s : segments) {
                Map<String, Double> centroid = (Map<String, Double>) s.get("centroid");
                Map<String, Object> node = new HashMap<>();
                node.put("segmentId", s.get("segmentId"));
                node.put("runId", ledger.runId());
                node.put("model", "kmeans");
                node.put("name", s.get("name"));
                node.put("action", s.get("action"));
                node.put("size", s.get("size"));
                node.put("revenueShare", s.get("revenueShare"));
                node.put("features", p.features());
                node.put("centroid", new ArrayList<>(centroid.values()));
                node.put("asOf", asOf);
                node.put("createdAt", OffsetDateTime.now());
                centroid.forEach((feature, value) -> node.put("centroid" + Character.toUpperCase(feature.charAt(0))
                        + feature.substring(1), value));
                nodes.add(node);
            }
            graph.run("segment/create-segments", Map.of("segments", nodes));
            // Every membership of a segment ends on the same node: one partition writes them, as the connector's
            // documentation asks for relationships, so no two transactions wait on each other's locks.
            Column segmentId = org.apache.spark.sql.functions.element_at(org.apache.spark.sql.functions.map(
                    segmentOfCluster.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(lit(e.getKey()),
                            lit(e.getValue()))).toArray(Column[]::new)), col("cluster"));
            graph.write(assigned.select(segmentId.as("segmentId"), col("customerId")).coalesce(1),
                    "spark/assign-customers", WRITE_BATCH);
            graph.run("segment/make-current", Map.of("runId", ledger.runId()));
            deleteOldSegments();
            Map<String, Object> run = ledger.record();
            run.put("asOf", asOf);
            run.put("parameters", RunLedger.json(parametersJson(p)));
            run.put("customers", n);
            run.put("k", (long) segments.size());
            ledger.finish(run);
            log.info("Wrote {} memberships and switched segments in {} s", n,
                    String.format("%.1f", (System.nanoTime() - writeStarted) / 1e9));
        } finally {
            ledger.announce();
        }
    }

    private void deleteOldSegments() {
        while (graph.run("segment/delete-old-memberships", Map.of("batch", WRITE_BATCH),
                r -> r.get("deleted").asLong()).get(0) > 0) {
            // one batch of memberships per transaction
        }
        graph.run("segment/delete-old-segments", Map.of());
    }

    private static Map<String, Object> parametersJson(Parameters p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("asOf", p.asOf() == null ? null : p.asOf().toString());
        json.put("k", p.k());
        json.put("features", p.features());
        json.put("scale", p.scale().toUpperCase().replace('-', '_'));
        json.put("restarts", p.restarts());
        json.put("seed", p.seed());
        json.put("write", p.write());
        return json;
    }
}
