package dev.custograph.graph;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One row a Cypher statement returned, read by column with the type the statement promises. This is where the
 * graph's loosely typed values become Java types: a capability asks {@code row.string("customerId")} or
 * {@code row.longValue("orders")} and never casts. A column that is missing or holds another type is a mismatch
 * between the Java and its Cypher file, reported with both names ({@link ColumnTypeException}).
 *
 * <p>Reference getters ({@link #string}, {@link #date}, {@link #strings}, ...) return null for a null column, as
 * Cypher does for an optional match that found nothing; {@link #longValue}, {@link #doubleValue} and
 * {@link #bool} are for columns the statement never leaves null.
 */
public final class Row {

    private final String statement;
    private final Map<String, Object> values;

    Row(String statement, Map<String, Object> values) {
        this.statement = statement;
        this.values = values;
    }

    /** A row the caller built itself (tests, or a nested map another row holds). */
    public static Row of(String statement, Map<String, Object> values) {
        return new Row(statement, values);
    }

    /** A column's value as the driver gave it (String, Long, Double, Boolean, LocalDate, List, Map, ...). */
    public Object value(String column) {
        if (!values.containsKey(column)) {
            throw new ColumnTypeException(statement + " returns no column '" + column + "' (it returns "
                    + values.keySet() + ")");
        }
        return values.get(column);
    }

    public boolean isNull(String column) {
        return value(column) == null;
    }

    public String string(String column) {
        return typed(column, String.class);
    }

    public LocalDate date(String column) {
        return typed(column, LocalDate.class);
    }

    /** A point in time (a Cypher datetime, with an offset or a zone), as an offset date-time; null stays null. */
    public OffsetDateTime time(String column) {
        Object value = value(column);
        if (value == null || value instanceof OffsetDateTime) {
            return (OffsetDateTime) value;
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toOffsetDateTime();
        }
        throw mismatch(column, value, "a datetime");
    }

    /** A whole number the statement never leaves null (a count, a sum of integers). */
    public long longValue(String column) {
        return required(column, longOrNull(column));
    }

    public Long longOrNull(String column) {
        Object value = value(column);
        if (value == null || value instanceof Long) {
            return (Long) value;
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        throw mismatch(column, value, "an integer");
    }

    /** A number the statement never leaves null; Cypher integers are widened (a sum over whole amounts). */
    public double doubleValue(String column) {
        return required(column, doubleOrNull(column));
    }

    public Double doubleOrNull(String column) {
        Object value = value(column);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw mismatch(column, value, "a number");
    }

    public boolean bool(String column) {
        return required(column, boolOrNull(column));
    }

    public Boolean boolOrNull(String column) {
        return typed(column, Boolean.class);
    }

    /** A list of strings; null elements are kept, a null column is null. */
    public List<String> strings(String column) {
        return listOf(column, String.class);
    }

    public List<Long> longs(String column) {
        return listOf(column, Long.class);
    }

    /** A list of maps (e.g. {@code collect({id: ..., score: ...})}), each read as a row of its own. */
    public List<Row> rows(String column) {
        List<Map<String, Object>> maps = listOf(column, mapClass());
        if (maps == null) {
            return null;
        }
        List<Row> rows = new ArrayList<>(maps.size());
        for (Map<String, Object> map : maps) {
            rows.add(map == null ? null : new Row(statement + " column '" + column + "'", map));
        }
        return rows;
    }

    /** A map column read as a row of its own; null when the column is null. */
    public Row row(String column) {
        Map<String, Object> map = map(column);
        return map == null ? null : new Row(statement + " column '" + column + "'", map);
    }

    /** A map column as it is (property maps handed on unchanged: exports, backups). */
    public Map<String, Object> map(String column) {
        return typed(column, mapClass());
    }

    /** A list column as it is, elements of any type. */
    public List<Object> list(String column) {
        return listOf(column, Object.class);
    }

    /** The whole row as it is (reports that print rows, backups that write them out). */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public String toString() {
        return statement + " " + values;
    }

    private <T> T typed(String column, Class<T> type) {
        Object value = value(column);
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        throw mismatch(column, value, "a " + type.getSimpleName());
    }

    private <T> List<T> listOf(String column, Class<T> elementType) {
        Object value = value(column);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw mismatch(column, value, "a list");
        }
        for (Object element : list) {
            if (element != null && !elementType.isInstance(element)) {
                throw new ColumnTypeException(statement + ": column '" + column + "' holds a "
                        + element.getClass().getSimpleName() + " where a list of " + elementType.getSimpleName()
                        + " was expected");
            }
        }
        @SuppressWarnings("unchecked")
        List<T> typed = (List<T>) list;
        return typed;
    }

    private <T> T required(String column, T value) {
        if (value == null) {
            throw new ColumnTypeException(statement + ": column '" + column + "' is null where a value was expected");
        }
        return value;
    }

    private ColumnTypeException mismatch(String column, Object value, String expected) {
        return new ColumnTypeException(statement + ": column '" + column + "' is a "
                + value.getClass().getSimpleName() + " where " + expected + " was expected");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<Map<String, Object>> mapClass() {
        return (Class) Map.class;
    }

    /** A Cypher file returned what its Java reader does not expect: a defect, never bad user input. */
    public static final class ColumnTypeException extends IllegalStateException {
        public ColumnTypeException(String message) {
            super(message);
        }
    }
}
