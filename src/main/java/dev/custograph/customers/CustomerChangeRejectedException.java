package dev.custograph.customers;

/** A change to a customer refused before anything was written; the message names the field and what was wrong. */
public final class CustomerChangeRejectedException extends RuntimeException {

    public CustomerChangeRejectedException(String message) {
        super(message);
    }
}
