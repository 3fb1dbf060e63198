package dev.custograph.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.custograph.graph.EmbeddedNeo4j;
import dev.custograph.graph.GraphConnection;
import dev.custograph.graph.NameOrder;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.ProfiledPlan;

/**
 * Paging and name order on the analyze bench's store (bench/paging.sh), each beside what a client would do instead:
 * <ul>
 *   <li>nextBestActions pages, forward and backward, deep in the list: the keyset statements (a range seek from the
 *       cursor) against SKIP/LIMIT paging at the same depth;</li>
 *   <li>the first page of customers by name: by collation key against the same statement by code points, as it
 *       sorted before;</li>
 *   <li>keying every name: a store from before name keys opened, and a change of collation.</li>
 * </ul>
 * Best of five runs each, with the database hits of a PROFILE; the ratio is the alternative's time over ours.
 */
public final class PagingBenchmark {

    private static final int PAGE = 20;

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]).resolve("data");
        long opening = System.nanoTime();
        try (GraphConnection db = GraphConnection.open(dataDir, null, null, null)) {
            System.out.printf("open (migrations; names keyed if the store has none): %.1f s%n", seconds(opening));
            for (String collation : List.of("sv", "en")) {
                long start = System.nanoTime();
                db.graph().useNames(NameOrder.of(collation, "collation"));
                System.out.printf("re-key every name to '%s': %.1f s%n", collation, seconds(start));
            }
        }
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(new EmbeddedNeo4j.Settings(dataDir, 0,
                EmbeddedNeo4j.Settings.NO_HTTP));
             Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken());
             Session session = driver.session()) {
            long decided = session.run("MATCH (c:Customer) WHERE c.nextActionValue IS NOT NULL RETURN count(c) AS n")
                    .single().get("n").asLong();
            System.out.printf("%,d customers with a next best action%n", decided);
            String forward = cypher("read/next-best-actions-page");
            String backward = cypher("read/next-best-actions-page-before");
            String skip = "MATCH (c:Customer) WHERE c.nextActionValue IS NOT NULL RETURN c.customerId AS customerId, "
                    + "c.nextActionValue AS expectedValue ORDER BY c.nextActionValue DESC, c.customerId "
                    + "SKIP $skip LIMIT $limit";
            for (long depth : new long[] {0, decided / 20, decided / 2, decided - 2 * PAGE}) {
                if (depth < 0 || (depth == 0 && decided == 0)) {
                    continue;
                }
                Map<String, Object> cursor = new HashMap<>();
                cursor.put("action", null);
                cursor.put("limit", PAGE + 1);
                if (depth == 0) {
                    cursor.put("afterValue", null);
                    cursor.put("afterId", null);
                } else {
                    Record at = session.run(skip, Map.of("skip", depth - 1, "limit", 1)).single();
                    cursor.put("afterValue", at.get("expectedValue").asDouble());
                    cursor.put("afterId", at.get("customerId").asString());
                }
                compare("nextBestActions forward from rank " + depth, session, forward, cursor, skip,
                        Map.of("skip", depth, "limit", PAGE + 1));
                if (depth > PAGE) {
                    Map<String, Object> before = new HashMap<>();
                    before.put("action", null);
                    before.put("beforeValue", cursor.get("afterValue"));
                    before.put("beforeId", cursor.get("afterId"));
                    before.put("limit", PAGE + 1);
                    compare("nextBestActions backward from rank " + depth, session, backward, before, skip,
                            Map.of("skip", depth - 1 - PAGE, "limit", PAGE + 1));
                }
            }
            Map<String, Object> firstPage = new HashMap<>();
            for (String key : List.of("country", "namePrefix", "segmentId", "email", "cursorKey", "cursorId")) {
                firstPage.put(key, null);
            }
            firstPage.putAll(Map.of("orderBy", "NAME", "backward", false, "limit", PAGE + 1));
            // The same statement sorting by the names' code points, as it did before name keys.
            String page = cypher("read/customers-page");
            String codePoints = page.replace("coalesce(c.nameKey, '') + ' ' + coalesce(c.name, '')",
                    "coalesce(c.name, '')");
            compare("customers by name, first page (collation | code points)", session, page, firstPage,
                    codePoints, firstPage);
        }
    }

    /** Prints ours against the alternative: best time of five and database hits. */
    private static void compare(String what, Session session, String ours, Map<String, Object> ourParameters,
                                String theirs, Map<String, Object> theirParameters) {
        double oursMs = best(session, ours, ourParameters);
        double theirsMs = best(session, theirs, theirParameters);
        long ourHits = hits(session.run("PROFILE " + ours, ourParameters).consume().profile());
        long theirHits = hits(session.run("PROFILE " + theirs, theirParameters).consume().profile());
        System.out.printf("%-62s ours %7.1f ms %,10d db hits | instead %7.1f ms %,10d db hits | x%.1f%n", what,
                oursMs, ourHits, theirsMs, theirHits, theirsMs / oursMs);
    }

    private static double best(Session session, String statement, Map<String, Object> parameters) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            session.run(statement, parameters).list();
            best = Math.min(best, (System.nanoTime() - start) / 1e6);
        }
        return best;
    }

    private static long hits(ProfiledPlan plan) {
        long hits = plan.dbHits();
        for (ProfiledPlan child : plan.children()) {
            hits += hits(child);
        }
        return hits;
    }

    private static String cypher(String name) throws java.io.IOException {
        return Files.readString(Path.of("cypher", name + ".cypher"));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
