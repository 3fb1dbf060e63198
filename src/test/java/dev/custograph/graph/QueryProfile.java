package dev.custograph.graph;

import java.util.Map;

import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.summary.ProfiledPlan;

/**
 * How much work the database does for one of the catalogue's queries: the query run under PROFILE in a transaction
 * that is rolled back (so a write changes nothing), and its operators' database hits summed.
 */
public final class QueryProfile {

    private QueryProfile() {
    }

    public static long dbHits(GraphConnection connection, String name, Map<String, Object> parameters) {
        String query = connection.graph().catalogue().text(name);
        try (Session session = connection.driver().session(); Transaction tx = session.beginTransaction()) {
            ProfiledPlan plan = tx.run("PROFILE " + query, parameters).consume().profile();
            tx.rollback();
            return hits(plan);
        }
    }

    private static long hits(ProfiledPlan plan) {
        long total = plan.dbHits();
        for (ProfiledPlan child : plan.children()) {
            total += hits(child);
        }
        return total;
    }
}
