package dev.custograph.actions;

import java.util.List;

/**
 * One customer's next best action: which (the policy's id and label), what it is expected to bring, and why.
 *
 * @param expectedValue the customer's expected spend over the horizon with the action taken: baseline + uplift
 * @param uplift        what the action adds: responseRate x gain - cost (0 for the fallback)
 * @param baseline      the expected spend with no action: (1 - risk) x valueIfRetained
 * @param reasons       the figures behind the choice, most telling first, then the arithmetic
 * @param productId     the product to offer with it, when the action takes one and there is one
 */
public record NextBestAction(String customerId, String action, String label, double expectedValue, double uplift,
                             double baseline, List<String> reasons, String productId, String productName) {
}
