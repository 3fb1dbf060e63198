package dev.custograph.spark;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * For every row, how many rows have a strictly smaller value in a column: the count RFM's quintile rule needs
 * ({@code Rfm.quintile}), exact, without bringing the values to one machine. The values are sorted across the cluster
 * and numbered in order (Spark's zipWithIndex counts each partition once, then numbers within it); the first number a
 * value gets is the count of the smaller ones. Equal values therefore always get the same count, as the rule wants.
 */
final class ExactRanks {

    private ExactRanks() {
    }

    /** {@code rows} with a column {@code as}: the number of rows whose {@code column} (a number) is smaller. */
    static Dataset<Row> withCountBelow(Dataset<Row> rows, String column, String as) {
        JavaPairRDD<Double, Long> firstPosition = rows.select(col(column).cast("double")).orderBy(column)
                .javaRDD().map(row -> row.getDouble(0)).zipWithIndex().reduceByKey(Math::min);
        StructType schema = new StructType().add("rankValue", DataTypes.DoubleType, false)
                .add(as, DataTypes.LongType, false);
        Dataset<Row> below = rows.sparkSession().createDataFrame(
                firstPosition.map((Tuple2<Double, Long> t) -> RowFactory.create(t._1(), t._2())), schema);
        return rows.join(below, rows.col(column).cast("double").equalTo(below.col("rankValue"))).drop("rankValue");
    }
}
