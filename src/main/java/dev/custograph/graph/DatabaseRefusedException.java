package dev.custograph.graph;

/**
 * The database refused a statement because of the values it was given (a value too large to index, a type it
 * cannot store, a constraint an operator added): the data's fault, not the statement's, so an import can set the
 * rows aside and go on. The message is the database's own, with its status code.
 */
public final class DatabaseRefusedException extends RuntimeException {

    public DatabaseRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
