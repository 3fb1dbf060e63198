package dev.custograph.api;

import java.util.List;

/** A Relay connection: one page of nodes with their cursors. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, Long totalCount) {

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }
}
