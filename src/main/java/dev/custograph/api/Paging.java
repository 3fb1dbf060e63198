package dev.custograph.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The Relay paging arguments of a connection field, checked. A page is read forward ({@code first} items after the
 * cursor {@code after}) or backward ({@code last} items before the cursor {@code before}), never both ways at once:
 * a client walks one way and turns round with the cursors of the page it holds. With neither size, 20 forward.
 * Backward reads come from the store nearest the cursor first; {@link #connection} turns them into list order.
 */
record Paging(int size, String cursor, boolean backward) {

    static final int DEFAULT_SIZE = 20;

    static Paging of(Integer first, String after, Integer last, String before, int most) {
        if (first != null && last != null) {
            throw new BadRequestException("first, last: give one of them, not both (first pages forward, last "
                    + "backward)");
        }
        boolean backward = last != null || before != null;
        if (backward && (first != null || after != null)) {
            throw new BadRequestException((before != null ? "before" : "last") + ": pages are read forward (first, "
                    + "after) or backward (last, before), not both ways in one request");
        }
        if (backward) {
            return new Paging(last == null ? DEFAULT_SIZE : PageSize.of("last", last, most), before, true);
        }
        return new Paging(first == null ? DEFAULT_SIZE : PageSize.of("first", first, most), after, false);
    }

    /** The argument the cursor came in, for error messages. */
    String cursorArgument() {
        return backward ? "before" : "after";
    }

    /**
     * The connection for rows read in this paging's direction (at most {@link #size()}), with whether more lie beyond
     * them in that direction.
     */
    <R, T> Connection<T> connection(List<R> read, boolean more, Function<R, String> cursorOf, Function<R, T> nodeOf,
                                    Long totalCount) {
        List<R> rows = new ArrayList<>(read);
        if (backward) {
            Collections.reverse(rows);
        }
        List<Connection.Edge<T>> edges = rows.stream()
                .map(row -> new Connection.Edge<>(cursorOf.apply(row), nodeOf.apply(row))).toList();
        String start = edges.isEmpty() ? null : edges.get(0).cursor();
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        // The far side of a cursor holds at least the row it names, so there is a page that way.
        boolean hasNext = backward ? cursor != null : more;
        boolean hasPrevious = backward ? more : cursor != null;
        return new Connection<>(edges, new Connection.PageInfo(hasNext, hasPrevious, start, end), totalCount);
    }
}
