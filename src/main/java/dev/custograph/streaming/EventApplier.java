package dev.custograph.streaming;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.custograph.graph.Graph;
import dev.custograph.identity.CustomerRecord;
import dev.custograph.identity.IdentityResolver;
import dev.custograph.ingest.CustomerProfileEvent;
import dev.custograph.orders.OrderPlacement;
import dev.custograph.orders.OrderRequest;

/**
 * Applies one poll's events to the graph, each as its import row or mutation would be:
 * <ul>
 *   <li>customer events are customers-jsonl profiles, resolved to customers by identity resolution (a known
 *       {@code (source, externalId)} updates its customer; a new one is matched by email or phone, or created);</li>
 *   <li>order events are placeOrder requests, placed idempotently by their key in one transaction per source; the
 *       customer is the one {@code (source, customerId)} resolves to, created as an import creates it when the
 *       identity is new (so an order may arrive before its customer's profile).</li>
 * </ul>
 * Customer events are applied before the orders of the same poll. Events that cannot be applied come back as
 * {@link Rejection}s with the field and the reason, for the dead-letter topic; the others are in the graph when
 * {@link #apply} returns.
 */
final class EventApplier {

    /** One event as it came off the stream. */
    record Event(String topic, int partition, long offset, String key, byte[] value) {
    }

    /** An event that cannot be applied: which field (null: the whole event) and why. */
    record Rejection(Event event, String field, String reason) {
    }

    /** What a poll's events did. */
    record Applied(int customers, int ordersCreated, int duplicates, List<Rejection> rejected) {
    }

    private final Graph graph;
    private final OrderPlacement orders;
    private final StreamSettings settings;
    private final IdentityResolver.Memo memo = new IdentityResolver.Memo();

    EventApplier(Graph graph, OrderPlacement orders, StreamSettings settings) {
        this.graph = graph;
        this.orders = orders;
        this.settings = settings;
    }

    Applied apply(List<Event> customerEvents, List<Event> orderEvents) {
        List<Rejection> rejected = new ArrayList<>();
        int customers = applyCustomers(customerEvents, rejected);
        int[] counts = applyOrders(orderEvents, rejected);
        return new Applied(customers, counts[0], counts[1], rejected);
    }

    private int applyCustomers(List<Event> events, List<Rejection> rejected) {
        List<CustomerRecord> records = new ArrayList<>();
        for (Event event : events) {
            String json = text(event, rejected);
            if (json == null) {
                continue;
            }
            CustomerProfileEvent.Read read = CustomerProfileEvent.read(json, settings.defaultSource());
            if (read.accepted()) {
                records.add(read.record());
            } else {
                rejected.add(new Rejection(event, read.field(), read.problem()));
            }
        }
        if (records.isEmpty()) {
            return 0;
        }
        IdentityResolver.Outcome outcome = graph.inWriteTransaction(tx ->
                IdentityResolver.resolveAndWriteAnnounced(tx, records, memo));
        memo.learn(outcome);
        return records.size();
    }

    /** Returns {orders created, duplicates}. */
    private int[] applyOrders(List<Event> events, List<Rejection> rejected) {
        // One placement per source, in the order the events came.
        Map<String, List<Event>> eventsBySource = new LinkedHashMap<>();
        Map<String, List<OrderRequest>> requestsBySource = new LinkedHashMap<>();
        for (Event event : events) {
            String json = text(event, rejected);
            if (json == null) {
                continue;
            }
            OrderEvent.Read read = OrderEvent.read(json, settings.defaultSource());
            if (!read.accepted()) {
                rejected.add(new Rejection(event, read.field(), read.reason()));
                continue;
            }
            eventsBySource.computeIfAbsent(read.source(), s -> new ArrayList<>()).add(event);
            requestsBySource.computeIfAbsent(read.source(), s -> new ArrayList<>()).add(read.request());
        }
        int created = 0;
        int duplicates = 0;
        for (Map.Entry<String, List<OrderRequest>> bySource : requestsBySource.entrySet()) {
            String source = bySource.getKey();
            List<Event> sourceEvents = eventsBySource.get(source);
            List<OrderPlacement.Outcome> outcomes = orders.placeAll(bySource.getValue(), "stream",
                    (tx, ids) -> customersOf(tx, source, ids));
            for (int i = 0; i < outcomes.size(); i++) {
                OrderPlacement.Outcome outcome = outcomes.get(i);
                switch (outcome.status()) {
                    case CREATED -> created++;
                    case DUPLICATE -> duplicates++;
                    case REJECTED -> {
                        String field = field(outcome.problem());
                        rejected.add(new Rejection(sourceEvents.get(i), field, field == null ? outcome.problem()
                                : outcome.problem().substring(field.length() + 2)));
                    }
                }
            }
        }
        return new int[] {created, duplicates};
    }

    /**
     * The customers {@code source}'s ids resolve to: known identities as they are, new ones created by identity
     * resolution (with no profile yet: the customer event fills it).
     */
    private static Map<String, String> customersOf(Graph.Tx tx, String source, Set<String> ids) {
        Map<String, String> customers = new HashMap<>();
        tx.readRows("identity/known-customers", Map.of("source", source, "externalIds", List.copyOf(ids)))
                .forEach(row -> customers.put(row.string("id"), row.string("customerId")));
        List<CustomerRecord> unknown = new ArrayList<>();
        for (String id : ids) {
            if (!customers.containsKey(id)) {
                unknown.add(new CustomerRecord(source, id, null, null, null, Map.of()));
            }
        }
        if (!unknown.isEmpty()) {
            IdentityResolver.Outcome outcome = IdentityResolver.resolveAndWriteAnnounced(tx, unknown,
                    new IdentityResolver.Memo());
            unknown.forEach(r -> customers.put(r.externalId(), outcome.customerId(source, r.externalId())));
        }
        return customers;
    }

    /** The event as UTF-8 text, or null (and a rejection) when it is too large or not UTF-8. */
    private String text(Event event, List<Rejection> rejected) {
        if (event.value() == null) {
            rejected.add(new Rejection(event, null, "is empty (a tombstone): an event needs a JSON object"));
            return null;
        }
        if (event.value().length > settings.maxEventBytes()) {
            rejected.add(new Rejection(event, null, "is " + event.value().length + " bytes, more than the "
                    + settings.maxEventBytes() + " an event may have"));
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(event.value())).toString();
        } catch (CharacterCodingException e) {
            rejected.add(new Rejection(event, null, "is not UTF-8 text"));
            return null;
        }
    }

    /** The field a placement problem names ("lines[0].quantity: must be ..."), or null. */
    static String field(String problem) {
        int colon = problem == null ? -1 : problem.indexOf(": ");
        return colon > 0 && !problem.substring(0, colon).contains(" ") ? problem.substring(0, colon) : null;
    }
}
