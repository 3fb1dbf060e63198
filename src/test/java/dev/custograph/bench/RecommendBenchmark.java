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
import dev.custograph.recommend.RecommendationData;
import dev.custograph.recommend.RecommendationWeights;
import dev.custograph.recommend.Recommender;
import dev.custograph.recommend.SimilarCustomers;
import dev.custograph.recommend.SimilarityMeasure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Recommendation latency on the Online Retail graph (imported once into target/bench-rules-online-retail, shared
 * with the rules bench): rules (support 0.005, confidence 0.1) and SIMILAR (cosine, top 20) are materialised, then
 * 2,000 customers drawn with a fixed seed are recommended 10 products each, one call at a time: uncached with
 * everything read from the graph per call (the recommend command), uncached on the API's path (one small read, the
 * purchases and rules held in memory and the popularity prior warm), and cached (the API's Caffeine cache, warm). Prints p50, p99 and the slowest
 * call. Targets: p99 under 10 ms uncached and under 1 ms cached. Run by {@code bench/recommend.sh}.
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
            long t3 = System.nanoTime();
            RecommendationData data = RecommendationData.read(db.graph());
            System.out.printf("Purchases and rules projected into memory in %.1f s%n", (System.nanoTime() - t3) / 1e9);
            measure("uncached, everything read from the graph per call (the recommend command)",
                    new Recommender(db.graph(), () -> prior), sample);
            // The API path as it was before customers' contexts were held in memory too: every context read live.
            measure("uncached, API path with each customer's context read live (one small read, purchases in memory)",
                    new Recommender(db.graph(), () -> prior, () -> data.withChanges(id -> null, id -> true)), sample);
            measure("uncached, API path (no read: purchases, rules and contexts in memory)",
                    new Recommender(db.graph(), () -> prior, () -> data), sample);

            RecommendationCache cache = new RecommendationCache(db.graph(), RecommendationWeights.DEFAULT,
                    new EntityCache.Settings(100_000, Duration.ofMinutes(10)), new SimpleMeterRegistry());
            sample.forEach(cache::recommendations);
            double[] cached = new double[sample.size() * 10];
            for (int round = 0; round < 10; round++) {
                for (int i = 0; i < sample.size(); i++) {
                    long start = System.nanoTime();
                    cache.recommendations(sample.get(i));
                    cached[round * sample.size() + i] = (System.nanoTime() - start) / 1e6;
                }
            }
            print("cached (Caffeine, warm)", cached);
        }
    }

    private static void measure(String name, Recommender recommender, List<String> sample) {
        for (String id : sample.subList(0, 200)) {
            recommender.recommend(id, 10, RecommendationWeights.DEFAULT, false);
        }
        double[] millis = new double[sample.size()];
        for (int i = 0; i < sample.size(); i++) {
            long start = System.nanoTime();
            recommender.recommend(sample.get(i), 10, RecommendationWeights.DEFAULT, false);
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
