package dev.custograph.spark;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Every customer's purchase history up to a day, on the cluster: one row per customer with a purchase, holding the
 * calendar days with purchases in order, each day's spend and its number of orders. The same history the in-JVM
 * engine reads with cypher/analytics/customer-histories.cypher (same-day orders are one purchase, as in BG/NBD),
 * grouped here from the orders instead of in the database.
 */
final class PurchaseHistories {

    /** The column of (day, spend, orders) structs, ascending by day; day is an epoch day. */
    static final String HISTORY = "history";

    private PurchaseHistories() {
    }

    /** Customers' histories from {@code cypher/spark/customer-orders} rows, orders after {@code asOf} left out. */
    static Dataset<Row> upTo(Dataset<Row> orders, LocalDate asOf, boolean includeCancelled) {
        Column kept = col("orderDate").leq(lit(Date.valueOf(asOf)));
        if (!includeCancelled) {
            kept = kept.and(col("status").notEqual("cancelled"));
        }
        Dataset<Row> days = orders.filter(kept)
                .groupBy(col("customerId"), col("orderDate"))
                .agg(sum("total").as("spend"), count(lit(1)).cast("int").as("orders"))
                .withColumn("day", datediff(col("orderDate"), lit(Date.valueOf(LocalDate.EPOCH))));
        return days.groupBy("customerId")
                .agg(array_sort(collect_list(struct(col("day"), col("spend"), col("orders")))).as(HISTORY));
    }

    /** One customer's history as arrays, read from the row's {@link #HISTORY} column. */
    record Arrays(int[] days, double[] spends, int[] orders) {

        static Arrays of(Row row) {
            List<Row> history = row.getList(row.fieldIndex(HISTORY));
            int n = history.size();
            int[] days = new int[n];
            double[] spends = new double[n];
            int[] orders = new int[n];
            for (int i = 0; i < n; i++) {
                Row day = history.get(i);
                days[i] = day.getInt(0);
                spends[i] = day.getDouble(1);
                orders[i] = day.getInt(2);
            }
            return new Arrays(days, spends, orders);
        }

        /** The history up to {@code day} (epoch day) only; empty if the customer had not bought by then. */
        Arrays upTo(int day) {
            int n = 0;
            while (n < days.length && days[n] <= day) {
                n++;
            }
            return new Arrays(java.util.Arrays.copyOf(days, n), java.util.Arrays.copyOf(spends, n),
                    java.util.Arrays.copyOf(orders, n));
        }

        boolean isEmpty() {
            return days.length == 0;
        }
    }
}
