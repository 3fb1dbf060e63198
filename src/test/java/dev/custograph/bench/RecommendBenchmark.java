package dev.custograph.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.custograph.api.EntityCache;
import dev.custograph.api.RecommendationCache;
import dev.custograph.graph.GraphConnection;
import dev.custograph.recommend.AssociationRules;
import dev.custograph.recommend.PopularityPrior;
import dev.custograph.recommend.Recommendations;
import dev.custograph.recommend.RecommendationWeights;
import dev.custograph.recommend.Recommender;
import dev.custograph.recommend.SimilarCustomers;
import dev.custograph.recommend.SimilarityMeasure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Recommendation latency on the Online Retail graph (imported once into target/bench-rules-online-retail, shared
 * with the rules bench): rules (support 0.005, confidence 0.1) and SIMILAR (cosine, top 20) are materialised, then
 * 2,000 customers drawn with a fixed seed are recommended 10 products each, one call at a time: uncached with
 * everything read from the graph per call (the recommend command), uncached on the API's path ({@link Recommendations}:
 * each customer's list ranked ahead, its reasons put into words on the call; and 40 products, more than are ranked
 * ahead), and cached (the API's Caffeine cache, warm). Prints how long the snapshot takes and how much heap it holds,
 * and p50, p99 and the slowest call. Targets: p99 under 10 ms uncached and under 1 ms cached. Run by {@code bench/recommend.sh}.
 */
public final class RecommendBenchmark {

    public static void main(String[] args) throws Exception {
        Path retail = BenchStores.onlineRetail();
        try (GraphConnection db = GraphConnection.open(retail.resolve("data"), null, null, null)) {
            long t0 = System.nanoTime();
            var rules = new AssociationRules(db.graph()).run(AssociationRules.Parameters.pairs(0.005, 0.1, 0,
                    AssociationRules.MAX_LIMIT, true));
            long t1 = System.nanoTime();
            var similar = new SimilarCustomers(db.graph()).materialise(20, SimilarityMeasure.COSINE);
            long t2 = System.nanoTime();
            System.out.printf("Set-up: %,d pair rules in %.1f s; SIMILAR for %,d customers in %.1f s%n",
                    rules.rules().size(), (t1 - t0) / 1e9, similar.customers(), (t2 - t1) / 1e9);

            List<String> customers = new ArrayList<>(db.graph().readRows("test/customer-ids", Map.of()).stream()
                    .map(row -> (String) row.get("customerId")).toList());
            Collections.sort(customers);
            Collections.shuffle(customers, new Random(7));
            List<String> sample = customers.subList(0, Math.min(2_000, customers.size()));

            PopularityPrior prior = PopularityPrior.read(db.graph());
            measure("uncached, everything read from the graph per call (the recommend command)",
                    (id, k) -> new Recommender(db.graph(), () -> prior).recommend(id, k,
                            RecommendationWeights.DEFAULT, false), sample, 10);

            long heapBefore = usedHeapAfterGc();
            long t3 = System.nanoTime();
            Recommendations service = new Recommendations(db.graph(), RecommendationWeights.DEFAULT,
                    Duration.ofSeconds(2), 1);
            service.refresh();
            System.out.printf("Snapshot read and every customer's list ranked ahead (1 thread) in %.1f s; it holds "
                    + "%,d bytes of heap%n", (System.nanoTime() - t3) / 1e9, usedHeapAfterGc() - heapBefore);
            measure("uncached, API path: first request per customer (list ranked ahead, reasons put into words)",
                    service::forCustomer, sample, 10);
            measure("uncached, API path, 40 products (more than are ranked ahead: ranked on request)",
                    service::forCustomer, sample, 40);

            RecommendationCache cache = new RecommendationCache(db.graph(), service,
                    new EntityCache.Settings(100_000, Duration.ofMinutes(10)), new SimpleMeterRegistry());
            sample.forEach(id -> cache.recommendations(id, 10));
            double[] cached = new double[sample.size() * 10];
            for (int round = 0; round < 10; round++) {
                for (int i = 0; i < sample.size(); i++) {
                    long start = System.nanoTime();
                    cache.recommendations(sample.get(i), 10);
                    cached[round * sample.size() + i] = (System.nanoTime() - start) / 1e6;
                }
            }
            print("cached (Caffeine, warm)", cached);
            service.close();
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void measure(String name, java.util.function.BiFunction<String, Integer, Recommender.Result> call,
                                List<String> sample, int k) {
        for (String id : sample.subList(0, 200)) {
            call.apply(id, k);
        }
        double[] millis = new double[sample.size()];
        for (int i = 0; i < sample.size(); i++) {
            long start = System.nanoTime();
            call.apply(sample.get(i), k);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        print(name, millis);
    }

    private static void print(String name, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: %,d calls, p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", name, sorted.length,
                sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.99) - 1],
                sorted[sorted.length - 1]);
    }
}
