package dev.custograph.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * One data row of a CSV file, read by column name, with typed accessors that fail with a {@link BadValue} naming
 * the field and the value. Missing values (empty, or the literal {@code NULL} some exports write) read as null.
 */
public final class CsvRow {

    /** A field whose value is missing or cannot be read as the type asked for, with a reason code. */
    public static final class BadValue extends RuntimeException {
        private final String field;
        private final String value;
        private final String reason;

        public BadValue(String field, String value, String reason, String message) {
            super(message, null, false, false);
            this.field = field;
            this.value = value;
            this.reason = reason;
        }

        /** A value that breaks a rule of the data (reason code {@code invalid_value}). */
        public BadValue(String field, String message) {
            this(field, null, "invalid_value", message);
        }

        public String field() {
            return field;
        }

        public String value() {
            return value;
        }

        public String reason() {
            return reason;
        }
    }

    private final String file;
    private final long line;
    private final Map<String, String> values;
    private final boolean caseInsensitive;

    CsvRow(String file, long line, Map<String, String> values, boolean caseInsensitive) {
        this.file = file;
        this.line = line;
        this.values = values;
        this.caseInsensitive = caseInsensitive;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    /**
     * The trimmed value, or null when it is missing. A value too long to store and index, or holding a control
     * character (a NUL, say), is that row's problem ({@code too_long}, {@code control_character}), whatever the field.
     */
    public String optional(String field) {
        String value = values.get(caseInsensitive ? field.toLowerCase(java.util.Locale.ROOT) : field);
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty() || trimmed.equals("NULL")) {
            return null;
        }
        dev.custograph.model.ValueRules.Problem problem = dev.custograph.model.ValueRules.textProblem(trimmed);
        if (problem != null) {
            throw new BadValue(field, trimmed, problem.reason(), problem.message());
        }
        return trimmed;
    }

    public String required(String field) {
        String value = optional(field);
        if (value == null) {
            throw new BadValue(field, null, "missing_value", "is empty but required");
        }
        return value;
    }

    public long requiredLong(String field) {
        String value = required(field);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadValue(field, value, "not_a_number", "'" + shorten(value) + "' is not a whole number");
        }
    }

    public BigDecimal requiredDecimal(String field) {
        String value = required(field);
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new BadValue(field, value, "not_a_number", "'" + shorten(value) + "' is not a number");
        }
    }

    public BigDecimal optionalDecimal(String field) {
        return optional(field) == null ? null : requiredDecimal(field);
    }

    /** A date written as {@code yyyy-mm-dd}, optionally followed by a time of day that is ignored. */
    public LocalDate requiredDate(String field) {
        String value = required(field);
        String datePart = value.length() > 10 && (value.charAt(10) == ' ' || value.charAt(10) == 'T')
                ? value.substring(0, 10) : value;
        try {
            return LocalDate.parse(datePart);
        } catch (DateTimeParseException e) {
            throw new BadValue(field, value, "not_a_date", "'" + shorten(value) + "' is not a date (expected yyyy-mm-dd)");
        }
    }

    public RowProblem problem(BadValue bad) {
        return new RowProblem(file, line, bad.field(), bad.value() != null ? bad.value() : optional(bad.field()),
                bad.reason(), bad.getMessage());
    }

    /** A value as it may appear inside a message: at most 60 characters. */
    static String shorten(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
