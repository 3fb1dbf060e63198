package dev.custograph.ingest;

import java.util.Map;

import dev.custograph.graph.Graph;

/**
 * Flags, never drops, order lines and orders whose amount is extreme, as the seed's fraud monitoring asks.
 *
 * <p>Rule: Tukey's "far out" fence. A line is extreme when its amount (quantity x unitPrice x (1 - discount)) is
 * above Q3 + 3 x IQR of its product's completed lines; an order when its total is above Q3 + 3 x IQR of its
 * customer's completed orders. Quartiles are Neo4j's {@code percentileCont} (linear interpolation). Products need
 * at least {@value #MIN_LINES} lines and customers {@value #MIN_ORDERS} orders, and a spread (IQR > 0), before
 * anything is called extreme. The fence is robust: one huge value barely moves Q1 and Q3, where it would drag a
 * mean and standard deviation with it. Flags are recomputed over the whole graph after each import.
 */
final class AnomalyFlags {

    static final int MIN_LINES = 8;
    static final int MIN_ORDERS = 5;

    private AnomalyFlags() {
    }

    /** Recomputes the flags and returns how many lines and orders are flagged now. */
    static long refresh(Graph graph) {
        graph.write("ingest/anomalies-clear", Map.of());
        return graph.writeReturningLong("ingest/anomalies-lines", Map.of("minLines", MIN_LINES))
                + graph.writeReturningLong("ingest/anomalies-orders", Map.of("minOrders", MIN_ORDERS));
    }
}
