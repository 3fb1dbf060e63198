package dev.custograph.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What the import's Cypher statements compute, computed the same way in Java for the bulk path, to the last bit:
 * an order's total (merge-orders.cypher) and the anomaly fences (anomalies-lines.cypher, anomalies-orders.cypher).
 */
final class StatementArithmetic {

    private StatementArithmetic() {
    }

    /** Cypher's round(unitPrice * quantity * (1 - discount) * 10000). */
    static long tenThousandths(double unitPrice, long quantity, double discount) {
        return Math.round(unitPrice * quantity * (1 - discount) * 10000);
    }

    /** Cypher's round(x, 2): half up, on the shortest decimal that reads back as x. */
    static double round2(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** Q3 + 3 x IQR of {@code sorted} when it has at least {@code minimum} values and a spread; else NaN. */
    static double fence(double[] sorted, int minimum) {
        if (sorted.length < minimum) {
            return Double.NaN;
        }
        double q1 = percentileCont(sorted, 0.25);
        double q3 = percentileCont(sorted, 0.75);
        return q3 > q1 ? q3 + 3 * (q3 - q1) : Double.NaN;
    }

    /** Neo4j's percentileCont: linear interpolation between the two values around percentile x (count - 1). */
    static double percentileCont(double[] sorted, double percentile) {
        double index = percentile * (sorted.length - 1);
        int floor = (int) index;
        int ceil = (int) Math.ceil(index);
        if (ceil == floor || floor == sorted.length - 1) {
            return sorted[floor];
        }
        return sorted[floor] * (ceil - index) + sorted[ceil] * (index - floor);
    }

    /** Cypher's toString of a float. */
    static String cypherString(double value) {
        return Double.toString(value);
    }
}
