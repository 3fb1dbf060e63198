package dev.custograph.identity;

/** A merge or undo that cannot be done as asked; the message names the ids and the reason. Nothing was changed. */
public final class MergeFailedException extends IllegalArgumentException {

    public MergeFailedException(String message) {
        super(message);
    }
}
