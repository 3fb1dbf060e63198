package dev.custograph.graph;

import java.util.List;

/**
 * What a committed write changed, announced by the code that wrote it, in the domain's terms: the API's caches drop
 * exactly what it names ({@code api.CacheInvalidation}), and other app instances hear of it
 * ({@link SharedChangeCounter}) unless it is {@link Bookkeeping}. A write that announces nothing is
 * {@link Unannounced}: listeners assume it may have changed anything, so a new write is safe before it is typed.
 */
public sealed interface GraphChange {

    /** An order placed one at a time: its customer's figures and what it just bought change. */
    record OrderPlaced(String customerId, List<String> productIds) implements GraphChange {
    }

    /** Orders placed together (a batch of a stream's events): each as {@link OrderPlaced} says. */
    record OrdersPlaced(List<OrderPlaced> orders) implements GraphChange {
    }

    /** Customers' profiles changed (an upsert): who they are, not what they bought. */
    record CustomersChanged(List<String> customerIds) implements GraphChange {
    }

    /** Customers merged into one, or a merge undone: these ids, and every list that names them, changed. */
    record CustomersMerged(List<String> customerIds) implements GraphChange {
    }

    /** A customer's personal data erased: its id is gone from everything, orders renamed. */
    record CustomerErased(String customerId) implements GraphChange {
    }

    /** What an analytics run of {@code kind} writes, from its first customer to its record. */
    record RunWrote(RunKind kind) implements GraphChange {
    }

    /** The kinds of run, each replacing its own results. */
    enum RunKind { VALUE, SEGMENT, CHURN, RULES, SIMILARITY, ACTIONS }

    /** Writes that change nothing anyone caches: audit entries, schema migrations, the change counter itself. */
    record Bookkeeping(String what) implements GraphChange {
    }

    /** A write that said nothing of what it changed (an import, a restore): it may have changed anything. */
    record Unannounced(String statement) implements GraphChange {
    }

    /** Whether other app instances must hear of it. */
    default boolean changesCachedData() {
        return !(this instanceof Bookkeeping);
    }
}
