package dev.custograph.bench;

import java.nio.file.Path;
import java.time.Duration;

import dev.custograph.graph.GraphConnection;
import dev.custograph.recommend.RecommendationWeights;
import dev.custograph.recommend.Recommendations;

/**
 * The heap the recommendations service holds to serve a store: the live heap (after full collections) before and
 * after its snapshot is read and every customer's list ranked, divided by the customers, and the heap freed when
 * the service is closed (the service's own share, without what the reads warmed in Neo4j). Also the time the snapshot
 * takes on one thread (as the server ranks it) and a sample of first requests. Run by {@code bench/serving-heap.sh}.
 * Usage: ServingHeapBenchmark DATA_DIR
 */
public final class ServingHeapBenchmark {

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        try (GraphConnection db = GraphConnection.open(dataDir, null, null, null)) {
            java.util.List<String> all = db.graph().readRows("test/customer-ids", java.util.Map.of()).stream()
                    .map(row -> (String) row.get("customerId")).toList();
            long customers = all.size();
            long before = usedHeapAfterGc();
            long started = System.nanoTime();
            Recommendations service = new Recommendations(db.graph(), RecommendationWeights.DEFAULT,
                    Duration.ofSeconds(2), 1);
            service.refresh();
            double seconds = (System.nanoTime() - started) / 1e9;
            long held = usedHeapAfterGc() - before;
            System.out.printf("customers %,d; snapshot read and ranked on 1 thread in %.1f s; heap held %,d bytes "
                    + "= %,d bytes per customer%n", customers, seconds, held, held / Math.max(1, customers));
            java.util.List<String> ids = all.subList(0, Math.min(2000, all.size()));
            double[] millis = new double[ids.size()];
            for (int i = 0; i < ids.size(); i++) {
                long start = System.nanoTime();
                service.forCustomer(ids.get(i), 10);
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            java.util.Arrays.sort(millis);
            System.out.printf("first request per customer (service, 10 products): %,d calls, p50 %.3f ms, p99 %.3f ms%n",
                    millis.length, millis[millis.length / 2], millis[(int) Math.ceil(millis.length * 0.99) - 1]);
            // What the service alone holds: the heap it frees when it goes (the reads above also warmed Neo4j's own
            // on-heap caches, which the first figure counts too and this one does not).
            long withService = usedHeapAfterGc();
            service.close();
            service = null;
            long freed = withService - usedHeapAfterGc();
            System.out.printf("freed when the service is closed: %,d bytes = %,d bytes per customer%n", freed,
                    freed / Math.max(1, customers));
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
