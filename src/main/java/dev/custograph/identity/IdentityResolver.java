package dev.custograph.identity;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.custograph.graph.Graph;
import dev.custograph.graph.GraphChange;
import dev.custograph.graph.Row;
import dev.custograph.graph.Graph.WriteCounts;

/**
 * Decides which customer each incoming record belongs to, and writes the customers, identities and merge log, in
 * the caller's transaction (so no other writer can slip between the look-up and the write). In order:
 * <ol>
 *   <li>A source id seen before resolves to the customer its {@code :Identity} already points at. If that identity
 *       created the customer (it is primary), the record's values overwrite the stored ones; otherwise they only
 *       fill fields the customer lacks.
 *   <li>An explicit customer id (customers-jsonl {@code id}) links the record to that customer, creating it if
 *       needed.
 *   <li>A customer whose id equals the source id but that no identity claims (data loaded before identities
 *       existed) is taken over.
 *   <li>A record whose normalised email, else phone, equals that of an identity from another source joins that
 *       identity's customer ("merged"): it fills only the fields the customer lacks, and its own profile is kept as a
 *       {@code :MergedCustomer} under a {@code MERGED} log entry, so the merge can be read and undone. The same
 *       rule applies between records of one batch. Records of the same source are never merged: two ids in one
 *       system are two customers until someone merges them by hand.
 *   <li>Otherwise a new customer is created, with the source id as its id, or {@code source:id} when that id is
 *       already taken (by another source's customer, or reserved by a merged one).
 * </ol>
 * Customers that already exist are never merged with each other by an import, even when a new record shows they
 * share an email: that takes {@link CustomerMerges#merge}.
 */
public final class IdentityResolver {

    /**
     * What one batch resolved to. {@code customersMerged} counts records that joined an existing customer;
     * {@code settled} are the primary identities the batch confirmed, for a {@link Memo}.
     */
    public record Outcome(Map<IdentityKey, String> customerIds, long customersCreated, long customersMerged,
                          WriteCounts total, Map<IdentityKey, Settled> settled) {

        public static final Outcome NONE = new Outcome(Map.of(), 0, 0, WriteCounts.NONE, Map.of());

        /** The Custograph customer id a source id resolved to. */
        public String customerId(String source, String externalId) {
            return customerIds.get(new IdentityKey(source, externalId));
        }
    }

    /** A primary identity with the email and phone it was last written with, and its customer. */
    public record Settled(String customerId, String email, String phone) {
    }

    /**
     * The primary identities one import run has already resolved and written, so that a customer who appears in
     * many batches is looked up once: a record whose identity is settled with the same email and phone needs no
     * look-up and no identity write, only its customer's values. Learn from an outcome only after its transaction
     * committed (a retried transaction must not leave guesses behind). A merge or undo in this process makes every
     * memo forget (their identities may have moved); the memo assumes no other process merges the same customers
     * while the import runs.
     */
    public static final class Memo {
        private final Map<IdentityKey, Settled> settled = new HashMap<>();
        private long epoch = CustomerMerges.epoch();

        public void learn(Outcome outcome) {
            settled.putAll(outcome.settled());
        }

        Settled recall(CustomerRecord r) {
            if (epoch != CustomerMerges.epoch()) {
                settled.clear();
                epoch = CustomerMerges.epoch();
            }
            Settled known = settled.get(r.key());
            return known != null && java.util.Objects.equals(known.email(), r.email())
                    && java.util.Objects.equals(known.phone(), r.phone()) ? known : null;
        }
    }

    private IdentityResolver() {
    }

    /** Resolves and writes {@code records} (records with the same source id are combined, later values winning). */
    public static Outcome resolveAndWrite(Graph.Tx tx, List<CustomerRecord> records) {
        return resolveAndWrite(tx, records, new Memo());
    }

    /** As {@link #resolveAndWrite(Graph.Tx, List)}, skipping the look-up for identities {@code memo} has settled. */
    public static Outcome resolveAndWrite(Graph.Tx tx, List<CustomerRecord> records, Memo memo) {
        return resolveAndWrite(tx, records, memo, false);
    }

    /**
     * As {@link #resolveAndWrite(Graph.Tx, List, Memo)}, announcing the customers written as changed (a stream's
     * events, whose caches must drop exactly those), where an import announces nothing and its end refreshes all.
     */
    public static Outcome resolveAndWriteAnnounced(Graph.Tx tx, List<CustomerRecord> records, Memo memo) {
        return resolveAndWrite(tx, records, memo, true);
    }

    private static Outcome resolveAndWrite(Graph.Tx tx, List<CustomerRecord> records, Memo memo, boolean announce) {
        List<CustomerRecord> distinct = new ArrayList<>();
        Batch batch = new Batch(OffsetDateTime.now(), announce);
        for (CustomerRecord r : combine(records)) {
            Settled known = memo.recall(r);
            if (known != null) {
                batch.settled(r, known);
            } else {
                distinct.add(r);
            }
        }
        if (distinct.isEmpty()) {
            return batch.write(tx);
        }
        List<Map<String, Object>> lookups = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i++) {
            CustomerRecord r = distinct.get(i);
            Map<String, Object> lookup = new HashMap<>();
            lookup.put("index", i);
            lookup.put("source", r.source());
            lookup.put("externalId", r.externalId());
            lookup.put("explicitId", r.explicitId());
            lookup.put("email", r.email());
            lookup.put("phone", r.phone());
            lookups.add(lookup);
        }
        Map<Long, Row> found = new HashMap<>();
        for (Row row : tx.readRows("identity/resolve-identities", Map.of("records", lookups))) {
            found.put(row.longValue("index"), row);
        }
        for (int i = 0; i < distinct.size(); i++) {
            batch.resolve(distinct.get(i), new Found(found.get((long) i)));
        }
        return batch.write(tx);
    }

    private static List<CustomerRecord> combine(List<CustomerRecord> records) {
        Map<IdentityKey, CustomerRecord> byKey = new LinkedHashMap<>();
        for (CustomerRecord r : records) {
            byKey.merge(r.key(), r, (earlier, later) -> {
                Map<String, Object> properties = new HashMap<>(earlier.properties());
                properties.putAll(later.properties());
                return new CustomerRecord(later.source(), later.externalId(),
                        later.explicitId() != null ? later.explicitId() : earlier.explicitId(),
                        later.email() != null ? later.email() : earlier.email(),
                        later.phone() != null ? later.phone() : earlier.phone(), properties);
            });
        }
        return List.copyOf(byKey.values());
    }

    /** The resolve-identities row for one record, typed. */
    private record Found(String known, boolean knownPrimary, List<String> knownKeys, boolean explicitExists,
                         List<String> explicitKeys, String byEmail, List<String> byEmailKeys, String byPhone,
                         List<String> byPhoneKeys, boolean ownIdTaken, boolean qualifiedIdTaken, boolean adoptable) {

        Found(Row row) {
            this(row, first(row, "byEmail"), first(row, "byPhone"));
        }

        private Found(Row row, Row byEmail, Row byPhone) {
            this(row.string("known"), row.bool("knownPrimary"), keys(row, "knownKeys"), row.bool("explicitExists"),
                    keys(row, "explicitKeys"), byEmail == null ? null : byEmail.string("customerId"),
                    keys(byEmail, "keys"), byPhone == null ? null : byPhone.string("customerId"),
                    keys(byPhone, "keys"), row.bool("ownIdTaken"), row.bool("qualifiedIdTaken"),
                    row.bool("adoptable"));
        }

        /** Of several matching customers, the one with the lowest id, so the choice does not depend on order. */
        private static Row first(Row row, String column) {
            List<Row> matches = row.rows(column);
            return matches == null ? null : matches.stream()
                    .min(java.util.Comparator.comparing((Row m) -> m.string("customerId"))).orElse(null);
        }

        private static List<String> keys(Row row, String column) {
            List<String> keys = row == null ? null : row.strings(column);
            return keys == null ? List.of() : keys;
        }
    }

    /** The customer that owns an email or phone within this batch, and the source that brought it. */
    private record Owner(String source, String customerId) {
    }

    /** The decisions for one batch, accumulated record by record, then written in three statements. */
    private static final class Batch {

        private final OffsetDateTime at;
        private final boolean announce;
        private final Map<IdentityKey, String> customerIds = new LinkedHashMap<>();
        private final Map<String, Map<String, Object>> customers = new LinkedHashMap<>();
        private final Map<String, Set<String>> storedKeys = new HashMap<>();
        private final Set<String> claimedIds = new HashSet<>();
        private final Map<String, List<Owner>> emailOwners = new HashMap<>();
        private final Map<String, List<Owner>> phoneOwners = new HashMap<>();
        private final List<Map<String, Object>> identities = new ArrayList<>();
        private final List<Map<String, Object>> merges = new ArrayList<>();
        private final Map<IdentityKey, Settled> settled = new HashMap<>();

        Batch(OffsetDateTime at, boolean announce) {
            this.announce = announce;
            this.at = at;
        }

        /** A record whose primary identity an earlier batch of this run wrote, unchanged: only its values go out. */
        void settled(CustomerRecord r, Settled known) {
            claimedIds.add(known.customerId());
            overwrite(known.customerId(), r.properties());
            customerIds.put(r.key(), known.customerId());
            Owner owner = new Owner(r.source(), known.customerId());
            if (r.email() != null) {
                emailOwners.computeIfAbsent(r.email(), e -> new ArrayList<>()).add(owner);
            }
            if (r.phone() != null) {
                phoneOwners.computeIfAbsent(r.phone(), p -> new ArrayList<>()).add(owner);
            }
        }

        void resolve(CustomerRecord r, Found f) {
            String target;
            if (f.known() != null) {
                target = f.known();
                stored(target, f.knownKeys());
                if (f.knownPrimary()) {
                    overwrite(target, r.properties());
                } else {
                    fill(target, r.properties());
                }
                identity(r, target, f.knownPrimary());
            } else if (r.explicitId() != null) {
                target = r.explicitId();
                if (f.explicitExists() || customers.containsKey(target)) {
                    stored(target, f.explicitKeys());
                    merge(r, f, target, "id", target);
                } else {
                    create(r, target);
                }
            } else if (f.adoptable() && claimedIds.add(r.externalId())) {
                target = r.externalId();
                overwrite(target, r.properties());
                identity(r, target, true);
            } else if (f.byEmail() != null || owner(emailOwners, r.email(), r.source()) != null) {
                target = f.byEmail() != null ? f.byEmail() : owner(emailOwners, r.email(), r.source());
                stored(target, f.byEmailKeys());
                merge(r, f, target, "email", r.email());
            } else if (f.byPhone() != null || owner(phoneOwners, r.phone(), r.source()) != null) {
                target = f.byPhone() != null ? f.byPhone() : owner(phoneOwners, r.phone(), r.source());
                stored(target, f.byPhoneKeys());
                merge(r, f, target, "phone", r.phone());
            } else {
                target = newId(r, f);
                create(r, target);
            }
            customerIds.put(r.key(), target);
            Owner owner = new Owner(r.source(), target);
            if (r.email() != null) {
                emailOwners.computeIfAbsent(r.email(), e -> new ArrayList<>()).add(owner);
            }
            if (r.phone() != null) {
                phoneOwners.computeIfAbsent(r.phone(), p -> new ArrayList<>()).add(owner);
            }
        }

        private static String owner(Map<String, List<Owner>> owners, String value, String source) {
            if (value == null) {
                return null;
            }
            for (Owner owner : owners.getOrDefault(value, List.of())) {
                if (!owner.source().equals(source)) {
                    return owner.customerId();
                }
            }
            return null;
        }

        private void stored(String customerId, List<String> keys) {
            storedKeys.computeIfAbsent(customerId, id -> new HashSet<>()).addAll(keys);
        }

        private void create(CustomerRecord r, String customerId) {
            claimedIds.add(customerId);
            overwrite(customerId, r.properties());
            identity(r, customerId, true);
        }

        private void overwrite(String customerId, Map<String, Object> properties) {
            customers.computeIfAbsent(customerId, id -> new HashMap<>()).putAll(properties);
        }

        /** Sets only the properties the customer has neither in the graph nor from earlier in this batch. */
        private List<String> fill(String customerId, Map<String, Object> properties) {
            Map<String, Object> pending = customers.computeIfAbsent(customerId, id -> new HashMap<>());
            Set<String> stored = storedKeys.getOrDefault(customerId, Set.of());
            List<String> filled = new ArrayList<>();
            properties.forEach((key, value) -> {
                if (!stored.contains(key) && !pending.containsKey(key)) {
                    pending.put(key, value);
                    filled.add(key);
                }
            });
            filled.sort(null);
            return filled;
        }

        private void merge(CustomerRecord r, Found f, String survivorId, String matchedOn, String matchedValue) {
            List<String> filled = fill(survivorId, r.properties());
            String mergedId = newId(r, f);
            claimedIds.add(mergedId);
            identity(r, survivorId, false);
            Map<String, Object> log = new HashMap<>();
            log.put("mergeId", UUID.randomUUID().toString());
            log.put("at", at);
            log.put("reason", "import: same " + matchedOn);
            log.put("matchedOn", matchedOn);
            log.put("matchedValue", matchedValue);
            log.put("filledFields", filled);
            log.put("identitySources", List.of(r.source()));
            log.put("identityExternalIds", List.of(r.externalId()));
            log.put("identityPrimary", List.of(true));
            merges.add(Map.of("survivorId", survivorId, "mergedId", mergedId, "properties", r.properties(),
                    "merge", log));
        }

        /** The source id if free, else {@code source:id}, else {@code source:id:n}. */
        private String newId(CustomerRecord r, Found f) {
            if (!f.ownIdTaken() && !claimedIds.contains(r.externalId())) {
                return r.externalId();
            }
            String qualified = r.source() + ":" + r.externalId();
            if (!f.qualifiedIdTaken() && !claimedIds.contains(qualified)) {
                return qualified;
            }
            int n = 2;
            while (claimedIds.contains(qualified + ":" + n)) {
                n++;
            }
            return qualified + ":" + n;
        }

        private void identity(CustomerRecord r, String customerId, boolean primary) {
            if (primary) {
                settled.put(r.key(), new Settled(customerId, r.email(), r.phone()));
            }
            Map<String, Object> row = new HashMap<>();
            row.put("source", r.source());
            row.put("externalId", r.externalId());
            row.put("email", r.email());
            row.put("phone", r.phone());
            row.put("customerId", customerId);
            row.put("primary", primary);
            identities.add(row);
        }

        Outcome write(Graph.Tx tx) {
            List<Map<String, Object>> customerRows = new ArrayList<>();
            customers.forEach((id, properties) -> customerRows.add(Map.of("customerId", id,
                    "properties", tx.names().withKey(new HashMap<>(properties)))));
            GraphChange change = announce ? new GraphChange.CustomersChanged(List.copyOf(customers.keySet()))
                    : new GraphChange.Unannounced("ingest/merge-customers");
            WriteCounts created = tx.write("ingest/merge-customers", Map.of("rows", customerRows), change);
            WriteCounts total = identities.isEmpty() ? created
                    : created.plus(tx.write("identity/merge-identities", Map.of("rows", identities), change));
            if (!merges.isEmpty()) {
                total = total.plus(tx.write("identity/record-import-merges", Map.of("rows", merges), change));
            }
            return new Outcome(Map.copyOf(customerIds), created.nodesCreated(), merges.size(), total,
                    Map.copyOf(settled));
        }
    }
}
