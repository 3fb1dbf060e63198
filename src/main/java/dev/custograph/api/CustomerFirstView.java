package dev.custograph.api;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
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
        return customers(Set.of(id)).get(id);
    }

    /**
     * The customers with these ids (unknown ones absent), the pages' parts of those not cached yet read along in one
     * read: a request that asks for many customers by alias reads them together.
     */
    Map<String, Customer> customers(Set<String> ids) {
        Map<String, Customer> found = new HashMap<>();
        Set<String> missing = new HashSet<>();
        for (String id : ids) {
            if (entities.customerCache().contains(id)) {
                Customer cached = entities.customer(id);
                if (cached != null) {
                    found.put(id, cached);
                }
            } else {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return found;
        }
        long customerRead = entities.customerCache().readStarts();
        long totalsRead = analytics.totalsCache().readStarts();
        long valueRead = analytics.valuesCache().readStarts();
        long churnRead = analytics.churnRisksCache().readStarts();
        long segmentRead = analytics.segmentIdsCache().readStarts();
        // An id not found is not cached: a customer created later is read then.
        Map<String, CustomerPageReads.Profile> profiles = reads.profiles(missing);
        Map<String, Customer> customers = new HashMap<>();
        Map<String, dev.custograph.model.CustomerTotals> totals = new HashMap<>();
        Map<String, dev.custograph.model.CustomerValueSnapshot> values = new HashMap<>();
        Map<String, dev.custograph.model.ChurnRiskSnapshot> risks = new HashMap<>();
        Map<String, String> segments = new HashMap<>();
        profiles.forEach((id, profile) -> {
            customers.put(id, profile.customer());
            totals.put(id, profile.totals());
            putIfPresent(values, id, profile.value());
            putIfPresent(risks, id, profile.churnRisk());
            putIfPresent(segments, id, profile.segmentId());
        });
        Set<String> asked = profiles.keySet();
        entities.customerCache().keep(customerRead, asked, customers);
        analytics.totalsCache().keep(totalsRead, asked, totals);
        analytics.valuesCache().keep(valueRead, asked, values);
        analytics.churnRisksCache().keep(churnRead, asked, risks);
        analytics.segmentIdsCache().keep(segmentRead, asked, segments);
        found.putAll(customers);
        return found;
    }

    private static <V> void putIfPresent(Map<String, V> map, String id, V value) {
        if (value != null) {
            map.put(id, value);
        }
    }
}
