package dev.custograph.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.stddev_pop;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The built-in customer features of the product's segmentation and churn (analytics.CustomerFeatures) as of a day,
 * on the cluster: recency (days since the last purchase), frequency (orders), monetary (spend), tenure (days since the
 * first purchase) and avgOrderValue, from what the customer had done by that day and nothing after it. Customer
 * properties as features (the product's imputed ones) are not read by the Spark job.
 */
final class CustomerFeatureTable {

    static final List<String> BUILT_IN = List.of("recency", "frequency", "monetary", "tenure", "avgOrderValue");

    private CustomerFeatureTable() {
    }

    /** Refuses a feature the job does not compute, naming it and what it does. */
    static List<String> validate(List<String> features, String option) {
        if (features.isEmpty()) {
            throw new IllegalArgumentException(option + ": give at least one feature");
        }
        if (features.stream().distinct().count() < features.size()) {
            throw new IllegalArgumentException(option + ": a feature is listed twice in " + features);
        }
        for (String feature : features) {
            if (!BUILT_IN.contains(feature)) {
                throw new IllegalArgumentException(option + ": '" + feature + "' is not a feature the Spark job "
                        + "computes; use " + String.join(", ", BUILT_IN) + " (customer properties as features run "
                        + "in the product's own engine)");
            }
        }
        return List.copyOf(features);
    }

    /**
     * One row per customer with a purchase by {@code day} (epoch day): customerId, spend, then the features in the
     * order given, as doubles. {@code histories} from {@link PurchaseHistories}.
     */
    static Dataset<Row> asOf(Dataset<Row> histories, List<String> features, int day) {
        StructType schema = new StructType().add("customerId", DataTypes.StringType, false)
                .add("spend", DataTypes.DoubleType, false);
        for (String feature : features) {
            schema = schema.add(feature, DataTypes.DoubleType, false);
        }
        int[] index = features.stream().mapToInt(BUILT_IN::indexOf).toArray();
        StructType rows = schema;
        return histories.flatMap((org.apache.spark.api.java.function.FlatMapFunction<Row, Row>) row -> {
            PurchaseHistories.Arrays h = PurchaseHistories.Arrays.of(row).upTo(day);
            if (h.isEmpty()) {
                return java.util.Collections.emptyIterator();
            }
            long orders = 0;
            double total = 0;
            for (int i = 0; i < h.days().length; i++) {
                orders += h.orders()[i];
                total += h.spends()[i];
            }
            Object[] values = new Object[2 + index.length];
            values[0] = row.getString(row.fieldIndex("customerId"));
            values[1] = total;
            for (int j = 0; j < index.length; j++) {
                values[2 + j] = switch (index[j]) {
                    case 0 -> (double) (day - h.days()[h.days().length - 1]);
                    case 1 -> (double) orders;
                    case 2 -> total;
                    case 3 -> (double) (day - h.days()[0]);
                    default -> orders == 0 ? 0.0 : total / orders;
                };
            }
            return java.util.List.of(RowFactory.create(values)).iterator();
        }, Encoders.row(rows));
    }

    /** Population mean and standard deviation of each column, as ZScores fits them. */
    record Moments(double[] mean, double[] sd) implements java.io.Serializable {

        static Moments of(Dataset<Row> table, List<String> columns, java.util.function.IntFunction<String> constant) {
            List<Column> aggregates = new ArrayList<>();
            for (String c : columns) {
                aggregates.add(org.apache.spark.sql.functions.mean(col(c)));
                aggregates.add(stddev_pop(col(c)));
            }
            Row row = table.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
                    .first();
            double[] mean = new double[columns.size()];
            double[] sd = new double[columns.size()];
            for (int j = 0; j < columns.size(); j++) {
                mean[j] = row.getDouble(2 * j);
                sd[j] = row.getDouble(2 * j + 1);
                if (!(sd[j] > 1e-12 * Math.max(1, Math.abs(mean[j])))) {
                    throw new IllegalArgumentException(constant.apply(j));
                }
            }
            return new Moments(mean, sd);
        }
    }

    /**
     * {@code table} with a vector column {@code features}: each feature (log(1 + x) first when {@code logged}) minus
     * its mean, over its deviation.
     */
    static Dataset<Row> scaled(Dataset<Row> table, List<String> features, boolean logged, Moments moments) {
        StructType schema = table.schema().add("features", SQLDataTypes.VectorType(), false);
        int first = table.schema().fieldIndex(features.get(0));
        int d = features.size();
        return table.map((MapFunction<Row, Row>) row -> {
            double[] z = new double[d];
            for (int j = 0; j < d; j++) {
                double v = row.getDouble(first + j);
                z[j] = ((logged ? Math.log1p(v) : v) - moments.mean()[j]) / moments.sd()[j];
            }
            Object[] values = new Object[row.size() + 1];
            for (int i = 0; i < row.size(); i++) {
                values[i] = row.get(i);
            }
            values[row.size()] = Vectors.dense(z);
            return RowFactory.create(values);
        }, Encoders.row(schema));
    }

    /** The columns to take moments of: the features, logged first when asked. */
    static Dataset<Row> logged(Dataset<Row> table, List<String> features) {
        Dataset<Row> out = table;
        for (String f : features) {
            out = out.withColumn(f, org.apache.spark.sql.functions.log1p(col(f)));
        }
        return out;
    }
}
