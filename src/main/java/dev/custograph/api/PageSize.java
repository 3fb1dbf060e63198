package dev.custograph.api;

/**
 * The one rule for every page size, lists and connections alike: from 0 (nothing but the counts) to the field's most,
 * and anything else refused with the bounds, never cut silently, so a client that asks for more than a field gives
 * learns it at once. A list's default lives in schema.graphqls, and an explicit null is refused; a connection's
 * {@code first} and {@code last} have none there, as one is given or neither (see {@link Paging}).
 */
final class PageSize {

    private PageSize() {
    }

    static int of(Integer first, int most) {
        return of("first", first, most);
    }

    static int of(String argument, Integer size, int most) {
        if (size == null || size < 0 || size > most) {
            throw new BadRequestException(argument + ": must be between 0 and " + most + ", got " + size);
        }
        return size;
    }
}
