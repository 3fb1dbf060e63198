package dev.custograph.model;

import java.time.OffsetDateTime;
import java.util.List;

/** A customer's next best action as the latest actions run left it on the graph. */
public record NextBestActionSnapshot(String customerId, String action, String label, double expectedValue,
                                     double uplift, double baseline, List<String> reasons, String productId,
                                     String runId, OffsetDateTime decidedAt) {

    public NextBestActionSnapshot {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
