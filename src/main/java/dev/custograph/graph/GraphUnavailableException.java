package dev.custograph.graph;

/** The database cannot be started or reached; the message says which and why, in one line. */
public final class GraphUnavailableException extends RuntimeException {

    public GraphUnavailableException(String message) {
        super(message);
    }

    public GraphUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
