package dev.custograph.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;

import dev.custograph.graph.EntityReads;
import dev.custograph.graph.EntityReads.Keyed;
import dev.custograph.graph.EntityReads.PageStart;

/**
 * The paging arguments of a keyset connection field, checked ({@link Paging}), with the cursor decoded: one this API
 * made for the same sort order. A cursor is opaque to clients; inside it is the sort order, sort key and id of a row
 * (keyset pagination), so a page never skips or repeats rows when others are added, whichever way it is walked.
 */
record PageRequest(Paging paging, PageStart start, String orderBy) {

    static final int MAX_PAGE_SIZE = 100;
    private static final String VERSION = "v1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    static PageRequest of(Integer first, String after, Integer last, String before, String orderBy) {
        Paging paging = Paging.of(first, after, last, before, MAX_PAGE_SIZE);
        PageStart start = paging.cursor() == null ? new PageStart(null, null, paging.backward())
                : decode(paging.cursorArgument(), paging.cursor(), orderBy, paging.backward());
        return new PageRequest(paging, start, orderBy);
    }

    int size() {
        return paging.size();
    }

    /** Builds the connection for a page read with this request (rows in reading order). */
    <T> Connection<T> connection(EntityReads.Page<T> page, Long totalCount) {
        return paging.connection(page.rows(), page.hasMore(), this::cursor, Keyed::value, totalCount);
    }

    private String cursor(Keyed<?> row) {
        return String.join(".", VERSION, encode(orderBy), encode(row.sortKey()), encode(row.id()));
    }

    private static PageStart decode(String argument, String cursor, String orderBy, boolean backward) {
        String[] parts = cursor.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals(VERSION)) {
            throw new BadRequestException(argument + ": '" + cursor + "' is not a cursor from this API");
        }
        Function<String, String> decode = part -> new String(DECODER.decode(part), StandardCharsets.UTF_8);
        try {
            String cursorOrder = decode.apply(parts[1]);
            if (!cursorOrder.equals(orderBy)) {
                throw new BadRequestException(argument + ": the cursor belongs to orderBy " + cursorOrder
                        + ", not " + orderBy);
            }
            return new PageStart(decode.apply(parts[2]), decode.apply(parts[3]), backward);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(argument + ": '" + cursor + "' is not a cursor from this API");
        }
    }

    private static String encode(String value) {
        return ENCODER.encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
