package dev.custograph.ingest;

import dev.custograph.graph.Graph.WriteCounts;

/** What a load created, by kind, with the server's totals. */
record LoadCounts(long customersCreated, long productsCreated, long ordersCreated, WriteCounts total) {

    static final LoadCounts NONE = new LoadCounts(0, 0, 0, WriteCounts.NONE);

    LoadCounts plus(LoadCounts o) {
        return new LoadCounts(customersCreated + o.customersCreated, productsCreated + o.productsCreated,
                ordersCreated + o.ordersCreated, total.plus(o.total));
    }
}
