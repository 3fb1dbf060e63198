package dev.custograph.api;

/** The request itself is wrong (an argument out of range, a cursor we did not make); the message says which. */
public final class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
