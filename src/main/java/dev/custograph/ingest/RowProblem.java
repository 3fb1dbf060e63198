package dev.custograph.ingest;

/**
 * Why one input row could not be imported: the file, the line, the field (null when the row as a whole is wrong),
 * the offending value (shortened if huge), a short reason code that reports count by, and what was wrong in words
 * a person can act on.
 */
public record RowProblem(String file, long line, String field, String value, String reason, String message) {

    static final int MAX_VALUE_LENGTH = 200;

    public RowProblem {
        if (value != null && value.length() > MAX_VALUE_LENGTH) {
            value = value.substring(0, MAX_VALUE_LENGTH) + "... (" + value.length() + " characters)";
        }
    }

    /** A problem with the row as a whole (e.g. its field count). */
    public RowProblem(String file, long line, String reason, String message) {
        this(file, line, null, null, reason, message);
    }

    @Override
    public String toString() {
        return file + " line " + line + (field == null ? "" : ", field " + field) + ": " + message;
    }
}
