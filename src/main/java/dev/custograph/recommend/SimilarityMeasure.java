package dev.custograph.recommend;

import java.util.Arrays;
import dev.custograph.model.InvalidParameterException;

/**
 * How alike two customers' purchases are (see {@code cypher/similarity/similar-customers.cypher}): Jaccard over the
 * sets of products bought, cosine over bought-or-not vectors, or cosine over units per product. The arithmetic here is
 * the Cypher's, operation for operation, so that both give the same doubles.
 */
public enum SimilarityMeasure {
    JACCARD("jaccard"),
    COSINE("cosine"),
    COSINE_QUANTITY("cosine-quantity");

    private final String label;

    SimilarityMeasure(String label) {
        this.label = label;
    }

    /** The name used by the CLI, the Cypher parameter and the SIMILAR relationship's {@code measure}. */
    public String label() {
        return label;
    }

    public static SimilarityMeasure of(String label) {
        return Arrays.stream(values()).filter(m -> m.label.equals(label)).findFirst()
                .orElseThrow(() -> new InvalidParameterException("measure", "must be jaccard, cosine or "
                        + "cosine-quantity, got " + label));
    }

    /**
     * @param shared       products both bought
     * @param size         products the first bought; {@code otherSize} the second
     * @param dot          sum over shared products of units times units
     * @param squares      sum of the first customer's squared units; {@code otherSquares} the second's
     */
    double score(int shared, int size, int otherSize, long dot, long squares, long otherSquares) {
        return switch (this) {
            case JACCARD -> (double) shared / (size + otherSize - shared);
            case COSINE -> shared / Math.sqrt((double) size * otherSize);
            case COSINE_QUANTITY -> dot / Math.sqrt((double) squares * otherSquares);
        };
    }
}
