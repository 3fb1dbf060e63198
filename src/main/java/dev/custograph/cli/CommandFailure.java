package dev.custograph.cli;

import dev.custograph.graph.GraphUnavailableException;
import dev.custograph.ingest.ImportFailedException;
import dev.custograph.model.InvalidParameterException;

/** Finds the one line that says why a command failed, in a chain of wrapped exceptions. */
public final class CommandFailure {

    private CommandFailure() {
    }

    public static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidParameterException invalid) {
                return OptionNames.message(invalid);
            }
            if (t instanceof GraphUnavailableException || t instanceof ImportFailedException
                    || t instanceof dev.custograph.backup.BackupFailedException
                    || t instanceof IllegalArgumentException && t.getCause() == null) {
                return t.getMessage();
            }
            if (t.getClass().getSimpleName().equals("PortInUseException")) {
                return "port " + portOf(t) + " (--port) is already in use";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (System.getenv("CUSTOGRAPH_DEBUG") != null) {
            failure.printStackTrace();
        }
        String message = root.getMessage();
        if (root instanceof NullPointerException || root instanceof ClassCastException
                || root instanceof IndexOutOfBoundsException) {
            return "unexpected " + root.getClass().getSimpleName() + " (a bug: please report it; run with"
                    + " CUSTOGRAPH_DEBUG=1 for the stack trace)";
        }
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : oneLine(message);
    }

    private static String portOf(Throwable portInUse) {
        try {
            return String.valueOf(portInUse.getClass().getMethod("getPort").invoke(portInUse));
        } catch (ReflectiveOperationException e) {
            return "?";
        }
    }

    private static String oneLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
