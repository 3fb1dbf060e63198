package dev.custograph.graph;

import java.time.Duration;

import org.neo4j.driver.TransactionConfig;

/**
 * How long the database work done for the current request may still take. The API sets it when a request starts
 * (its time budget) and clears it when the request ends; every transaction {@link Graph} opens meanwhile carries the
 * time left as its Neo4j transaction timeout, so a statement that runs too long, or waits too long for a lock, is
 * stopped by the database itself and its transaction rolled back. Work without a deadline (batch commands,
 * background jobs) has no timeout.
 *
 * <p>The deadline lives in a thread-local variable, which Spring for GraphQL carries to the threads its data fetchers
 * and batch loaders run on (see {@link #THREAD_LOCAL}).
 */
public final class Deadline {

    /** Its name for context propagation (a ThreadLocalAccessor of the API registers it under this key). */
    public static final String KEY = "custograph.deadline";
    /** The instant, on System.nanoTime's clock, when the current request's budget runs out; null for none. */
    public static final ThreadLocal<Long> THREAD_LOCAL = new ThreadLocal<>();

    private Deadline() {
    }

    /** Sets the current thread's deadline {@code budget} from now. */
    public static void startBudget(Duration budget) {
        THREAD_LOCAL.set(System.nanoTime() + budget.toNanos());
    }

    public static void clear() {
        THREAD_LOCAL.remove();
    }

    /** The transaction settings for work starting now: the time left as timeout, or none without a deadline. */
    static TransactionConfig transactionConfig() {
        Long deadline = THREAD_LOCAL.get();
        if (deadline == null) {
            return TransactionConfig.empty();
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new RequestTimedOutException("the request's time budget ran out before the database was asked");
        }
        return TransactionConfig.builder().withTimeout(Duration.ofMillis(Math.max(1, left / 1_000_000))).build();
    }
}
