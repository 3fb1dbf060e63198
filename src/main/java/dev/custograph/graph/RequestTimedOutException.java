package dev.custograph.graph;

/** The database work of a request ran past the request's time budget ({@link Deadline}) and was stopped. */
public final class RequestTimedOutException extends RuntimeException {

    public RequestTimedOutException(String message) {
        super(message);
    }

    public RequestTimedOutException(String message, Throwable cause) {
        super(message, cause);
    }
}
