package dev.custograph.recommend;

import java.util.List;

/**
 * A product recommended to a customer: its score (0-1, the weighted sum of the three sources), each source's own
 * score, and the reasons behind it, strongest first, so that a widget can say "because you bought X".
 */
public record Recommendation(String productId, String name, double score, double similarCustomersScore,
                             double boughtWithScore, double popularityScore, List<Reason> reasons) {

    /**
     * Over the product and score only (equal recommendations still hash alike): the API's data loaders key on
     * recommendations, and the record's own hash walked every reason, a fifth of a cached request's time.
     */
    @Override
    public int hashCode() {
        return 31 * productId.hashCode() + Double.hashCode(score);
    }

    /**
     * Why a product is recommended. {@code kind} is one of:
     * <ul>
     *   <li>{@code similar-customers}: customers who bought like this one bought it ({@code customerIds}, their
     *       similarity in {@code scores});</li>
     *   <li>{@code bought-with}: it is often bought with a product the customer owns ({@code productId}, with the
     *       rule's {@code confidence} and {@code lift});</li>
     *   <li>{@code popular}: it is popular in the customer's {@code group} ("segment ...", "country ...", "all
     *       customers"), bought by {@code share} of its customers.</li>
     * </ul>
     * Fields that do not apply to a kind are null.
     */
    public record Reason(String kind, String text, List<String> customerIds, List<Double> scores, String productId,
                         String productName, Double confidence, Double lift, String group, Double share) {

        /** Over the kind and text only, which tell reasons apart (see {@link Recommendation#hashCode}). */
        @Override
        public int hashCode() {
            return 31 * kind.hashCode() + text.hashCode();
        }
    }
}
