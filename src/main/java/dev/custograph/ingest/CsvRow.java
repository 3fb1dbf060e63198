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

    /** A field whose value is missing or cannot be read as the type asked for. */
    public static final class BadValue extends RuntimeException {
        private final String field;

        BadValue(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final String file;
    private final long line;
    private final Map<String, String> values;

    CsvRow(String file, long line, Map<String, String> values) {
        this.file = file;
        this.line = line;
        this.values = values;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    /** The trimmed value, or null when it is missing. */
    public String optional(String field) {
        String value = values.get(field);
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() || trimmed.equals("NULL") ? null : trimmed;
    }

    public String required(String field) {
        String value = optional(field);
        if (value == null) {
            throw new BadValue(field, "is empty but required");
        }
        return value;
    }

    public long requiredLong(String field) {
        String value = required(field);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadValue(field, "'" + value + "' is not a whole number");
        }
    }

    public BigDecimal requiredDecimal(String field) {
        String value = required(field);
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new BadValue(field, "'" + value + "' is not a number");
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
            throw new BadValue(field, "'" + value + "' is not a date (expected yyyy-mm-dd)");
        }
    }

    public RowProblem problem(BadValue bad) {
        return new RowProblem(file, line, bad.field(), bad.getMessage());
    }

    public RowProblem problem(String field, String message) {
        return new RowProblem(file, line, field, message);
    }
}
