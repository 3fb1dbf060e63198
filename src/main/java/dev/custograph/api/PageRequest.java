package dev.custograph.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import dev.custograph.graph.EntityReads;
import dev.custograph.graph.EntityReads.After;
import dev.custograph.graph.EntityReads.Keyed;

/**
 * The paging arguments of a connection field, checked: {@code first} within bounds, {@code after} a cursor this API
 * made for the same sort order. A cursor is opaque to clients; inside it is the sort order, sort key and id of the
 * last row of the previous page (keyset pagination), so a page never skips or repeats rows when others are added.
 */
record PageRequest(int first, After after, String orderBy) {

    static final int MAX_PAGE_SIZE = 100;
    private static final String VERSION = "v1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    static PageRequest of(Integer first, String after, String orderBy) {
        return new PageRequest(PageSize.of(first, MAX_PAGE_SIZE), after == null ? null : decode(after, orderBy), orderBy);
    }

    /** Builds the connection for a page read with this request. */
    <T> Connection<T> connection(EntityReads.Page<T> page, Long totalCount) {
        List<Connection.Edge<T>> edges = page.rows().stream()
                .map(row -> new Connection.Edge<>(cursor(row), row.value())).toList();
        String start = edges.isEmpty() ? null : edges.get(0).cursor();
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new Connection<>(edges, new Connection.PageInfo(page.hasNext(), after != null, start, end),
                totalCount);
    }

    private String cursor(Keyed<?> row) {
        return String.join(".", VERSION, encode(orderBy), encode(row.sortKey()), encode(row.id()));
    }

    private static After decode(String cursor, String orderBy) {
        String[] parts = cursor.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals(VERSION)) {
            throw new BadRequestException("after: '" + cursor + "' is not a cursor from this API");
        }
        Function<String, String> decode = part -> new String(DECODER.decode(part), StandardCharsets.UTF_8);
        try {
            String cursorOrder = decode.apply(parts[1]);
            if (!cursorOrder.equals(orderBy)) {
                throw new BadRequestException("after: the cursor belongs to orderBy " + cursorOrder
                        + ", not " + orderBy);
            }
            return new After(decode.apply(parts[2]), decode.apply(parts[3]));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("after: '" + cursor + "' is not a cursor from this API");
        }
    }

    private static String encode(String value) {
        return ENCODER.encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
