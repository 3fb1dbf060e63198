package dev.custograph.recommend;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the recommender knows about one customer: what it owns and returned, its similar customers and what they
 * bought, the rules leading from what it owns, and the popularity prior of its group. Read from the graph for a live
 * recommendation, or built from a training split for offline evaluation; {@link Blend} ranks either the same way.
 */
record Evidence(String customerId, Set<String> owned, Set<String> returned, List<Neighbour> neighbours,
                List<RuleFrom> rules, PopularityPrior.Group popular, Map<String, String> names) {

    /** A similar customer: its similarity and the products it bought. */
    record Neighbour(String customerId, String name, double score, Collection<String> products) {
    }

    /** A rule {from} -> {productId} whose antecedent the customer owns. */
    record RuleFrom(String from, String fromName, String productId, double confidence, double lift) {
    }
}
