package dev.custograph.orders;

/** An order that cannot be placed as asked; the message names the field (e.g. {@code lines[2].quantity}). */
public final class OrderRejectedException extends RuntimeException {

    public OrderRejectedException(String message) {
        super(message);
    }
}
