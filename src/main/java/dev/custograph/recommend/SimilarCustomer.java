package dev.custograph.recommend;

/** A customer similar to another: the score (0-1, by the run's measure) and how many products both bought. */
public record SimilarCustomer(String customerId, String name, double score, long sharedProducts) {
}
