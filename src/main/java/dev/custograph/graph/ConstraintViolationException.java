package dev.custograph.graph;

/**
 * A write broke a uniqueness constraint (another transaction committed the same key first); the transaction was
 * rolled back. Callers that race on purpose (idempotency keys) catch it and read the winner.
 */
public final class ConstraintViolationException extends RuntimeException {

    ConstraintViolationException(String message, Throwable cause) {
        super(message, cause);
    }
}
