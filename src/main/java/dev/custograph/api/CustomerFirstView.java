package dev.custograph.api;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.custograph.graph.CustomerPageReads;
import dev.custograph.model.Customer;

/**
 * A customer asked for by id, with its totals, value, churn risk or segment asked for too, and not cached: one read
 * fetches all of them ({@link CustomerPageReads#profile}) and keeps each part in the cache its own read would have
 * filled, so the fields that follow are answered from the caches instead of four more reads. The caches' rule holds:
 * a part a write dropped while the read ran is not kept.
 */
final class CustomerFirstView {

    /** The Customer fields whose values come with the profile read. */
    static final Set<String> PROFILE_FIELDS = Set.of("totals", "value", "churnRisk", "segment");

    private final CustomerPageReads reads;
    private final EntityCache entities;
    private final AnalyticsCache analytics;

    CustomerFirstView(CustomerPageReads reads, EntityCache entities, AnalyticsCache analytics) {
        this.reads = reads;
        this.entities = entities;
        this.analytics = analytics;
    }

    /** The customer with this id (null if there is none), its page's parts read along when not cached yet. */
    Customer customer(String id) {
        if (entities.customerCache().contains(id)) {
            return entities.customer(id);
        }
        long customerRead = entities.customerCache().readStarts();
        long totalsRead = analytics.totalsCache().readStarts();
        long valueRead = analytics.valuesCache().readStarts();
        long churnRead = analytics.churnRisksCache().readStarts();
        long segmentRead = analytics.segmentIdsCache().readStarts();
        Optional<CustomerPageReads.Profile> found = reads.profile(id);
        if (found.isEmpty()) {
            return null; // not cached: a customer created later is read then
        }
        CustomerPageReads.Profile profile = found.get();
        Set<String> asked = Set.of(id);
        entities.customerCache().keep(customerRead, asked, Map.of(id, profile.customer()));
        analytics.totalsCache().keep(totalsRead, asked, Map.of(id, profile.totals()));
        analytics.valuesCache().keep(valueRead, asked, only(id, profile.value()));
        analytics.churnRisksCache().keep(churnRead, asked, only(id, profile.churnRisk()));
        analytics.segmentIdsCache().keep(segmentRead, asked, only(id, profile.segmentId()));
        return profile.customer();
    }

    private static <V> Map<String, V> only(String id, V value) {
        return value == null ? Map.of() : Map.of(id, value);
    }
}
