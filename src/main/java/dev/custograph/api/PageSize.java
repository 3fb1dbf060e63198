package dev.custograph.api;

/**
 * The one rule for every {@code first} argument, lists and connections alike: from 0 (nothing but the counts) to the
 * field's most, and anything else refused with the bounds, never cut silently, so a client that asks for more than a
 * field gives learns it at once. Defaults live in schema.graphqls only; an explicit null is refused too.
 */
final class PageSize {

    private PageSize() {
    }

    static int of(Integer first, int most) {
        if (first == null || first < 0 || first > most) {
            throw new BadRequestException("first: must be between 0 and " + most + ", got " + first);
        }
        return first;
    }
}
