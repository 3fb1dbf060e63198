package dev.custograph.graph;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Values;
import org.neo4j.driver.types.IsoDuration;
import org.neo4j.driver.types.Point;

/**
 * Property values in a form any JSON reader keeps exactly, and back: strings, booleans and 64-bit integers as
 * themselves, finite doubles as numbers, and every other Neo4j type as a one-key map naming it
 * ({@code {"date": "2011-12-09"}}, {@code {"datetime": "2011-12-09T08:26+01:00[Europe/Paris]"}},
 * {@code {"double": "NaN"}}, {@code {"point": {srid, x, y, z}}}, {@code {"bytes": base64}} ...). Lists keep their
 * elements' forms. Used by backups, so an archive restores to exactly the values it was taken from.
 */
public final class PortableValues {

    private PortableValues() {
    }

    /** A property value as read through the driver, in portable form. */
    public static Object encode(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long) {
            return value;
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof Double d) {
            return Double.isFinite(d) ? d : Map.of("double", d.toString());
        }
        if (value instanceof List<?> list) {
            List<Object> encoded = new ArrayList<>(list.size());
            list.forEach(element -> encoded.add(encode(element)));
            return encoded;
        }
        if (value instanceof LocalDate date) {
            return Map.of("date", date.toString());
        }
        if (value instanceof LocalDateTime dateTime) {
            return Map.of("localdatetime", dateTime.toString());
        }
        if (value instanceof ZonedDateTime dateTime) {
            return Map.of("datetime", dateTime.toString());
        }
        if (value instanceof java.time.OffsetDateTime dateTime) {
            return Map.of("datetime", dateTime.toZonedDateTime().toString());
        }
        if (value instanceof LocalTime time) {
            return Map.of("localtime", time.toString());
        }
        if (value instanceof OffsetTime time) {
            return Map.of("time", time.toString());
        }
        if (value instanceof IsoDuration duration) {
            return Map.of("duration", Map.of("months", duration.months(), "days", duration.days(),
                    "seconds", duration.seconds(), "nanoseconds", (long) duration.nanoseconds()));
        }
        if (value instanceof Point point) {
            Map<String, Object> coordinates = new LinkedHashMap<>();
            coordinates.put("srid", (long) point.srid());
            coordinates.put("x", point.x());
            coordinates.put("y", point.y());
            if (!Double.isNaN(point.z())) {
                coordinates.put("z", point.z());
            }
            return Map.of("point", coordinates);
        }
        if (value instanceof byte[] bytes) {
            return Map.of("bytes", Base64.getEncoder().encodeToString(bytes));
        }
        throw new IllegalArgumentException("a property value of type " + value.getClass().getName()
                + " has no portable form");
    }

    /** The portable form back to a value the driver sends as a parameter of the original type. */
    public static Object decode(Object portable) {
        if (portable == null || portable instanceof String || portable instanceof Boolean) {
            return portable;
        }
        if (portable instanceof Number number) {
            return portable instanceof Double || portable instanceof Float || portable instanceof java.math.BigDecimal
                    ? (Object) number.doubleValue() : (Object) number.longValue();
        }
        if (portable instanceof List<?> list) {
            List<Object> decoded = new ArrayList<>(list.size());
            list.forEach(element -> decoded.add(decode(element)));
            return decoded;
        }
        if (portable instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> typed = map.entrySet().iterator().next();
            Object v = typed.getValue();
            switch (typed.getKey().toString()) {
                case "double":
                    return Double.valueOf(v.toString());
                case "date":
                    return LocalDate.parse(v.toString());
                case "localdatetime":
                    return LocalDateTime.parse(v.toString());
                case "datetime":
                    return ZonedDateTime.parse(v.toString());
                case "localtime":
                    return LocalTime.parse(v.toString());
                case "time":
                    return OffsetTime.parse(v.toString());
                case "duration": {
                    Map<?, ?> d = (Map<?, ?>) v;
                    return Values.isoDuration(number(d.get("months")).longValue(), number(d.get("days")).longValue(),
                            number(d.get("seconds")).longValue(), number(d.get("nanoseconds")).intValue()).asIsoDuration();
                }
                case "point": {
                    Map<?, ?> p = (Map<?, ?>) v;
                    int srid = number(p.get("srid")).intValue();
                    return p.containsKey("z")
                            ? Values.point(srid, number(p.get("x")).doubleValue(), number(p.get("y")).doubleValue(),
                            number(p.get("z")).doubleValue()).asPoint()
                            : Values.point(srid, number(p.get("x")).doubleValue(), number(p.get("y")).doubleValue())
                            .asPoint();
                }
                case "bytes":
                    return Base64.getDecoder().decode(v.toString());
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("not a portable property value: " + portable);
    }

    /** Every property of a map decoded. */
    public static Map<String, Object> decodeAll(Map<String, Object> portable) {
        Map<String, Object> decoded = new LinkedHashMap<>();
        portable.forEach((key, value) -> decoded.put(key, decode(value)));
        return decoded;
    }

    private static Number number(Object value) {
        return (Number) value;
    }
}
