package dev.custograph.ingest;

import dev.custograph.graph.Graph.WriteCounts;

/** What a load created, by kind, how many customer records joined an existing customer, and the server's totals. */
record LoadCounts(long customersCreated, long productsCreated, long ordersCreated, long customersMerged,
                  WriteCounts total) {

    static final LoadCounts NONE = new LoadCounts(0, 0, 0, 0, WriteCounts.NONE);

    LoadCounts plus(LoadCounts o) {
        return new LoadCounts(customersCreated + o.customersCreated, productsCreated + o.productsCreated,
                ordersCreated + o.ordersCreated, customersMerged + o.customersMerged, total.plus(o.total));
    }
}
