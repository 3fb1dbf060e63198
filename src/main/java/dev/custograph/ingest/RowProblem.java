package dev.custograph.ingest;

/**
 * Why one input row could not be imported: the file, the line, the field (null when the row as a whole is wrong)
 * and what was wrong, in words a person can act on.
 */
public record RowProblem(String file, long line, String field, String message) {

    @Override
    public String toString() {
        return file + " line " + line + (field == null ? "" : ", field " + field) + ": " + message;
    }
}
