package dev.custograph.recommend;

import java.util.HashMap;
import java.util.Map;
import dev.custograph.model.InvalidParameterException;

/**
 * How much each source of evidence counts in a recommendation's score (see docs/recommendations.md): similar customers
 * (user-based collaborative filtering), rules from owned products (item-based, via BOUGHT_WITH), and the popularity
 * prior within the customer's segment or country. Each source scores 0-1; the score is their weighted sum.
 */
public record RecommendationWeights(double similarCustomers, double boughtWith, double popularity) {

    public static final RecommendationWeights DEFAULT = new RecommendationWeights(0.6, 0.3, 0.1);

    public RecommendationWeights {
        if (!(similarCustomers >= 0 && boughtWith >= 0 && popularity >= 0)
                || similarCustomers + boughtWith + popularity <= 0) {
            throw new InvalidParameterException("weights", "must be 0 or more each and not all 0, got cf="
                    + similarCustomers + ",item=" + boughtWith + ",popularity=" + popularity);
        }
    }

    /** Parses {@code cf=0.6,item=0.3,popularity=0.1}; a source left out keeps its default. */
    public static RecommendationWeights parse(String text) {
        Map<String, Double> given = new HashMap<>(Map.of("cf", DEFAULT.similarCustomers, "item", DEFAULT.boughtWith,
                "popularity", DEFAULT.popularity));
        for (String part : text.split(",")) {
            String[] kv = part.split("=", 2);
            String name = kv[0].strip();
            if (kv.length != 2 || !given.containsKey(name)) {
                throw new InvalidParameterException("weights", "takes cf=W,item=W,popularity=W, got \"" + part + "\"");
            }
            try {
                given.put(name, Double.parseDouble(kv[1].strip()));
            } catch (NumberFormatException e) {
                throw new InvalidParameterException("weights", name + " must be a number, got \"" + kv[1] + "\"");
            }
        }
        return new RecommendationWeights(given.get("cf"), given.get("item"), given.get("popularity"));
    }
}
