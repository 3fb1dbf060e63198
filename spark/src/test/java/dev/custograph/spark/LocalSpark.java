package dev.custograph.spark;

import org.apache.spark.sql.SparkSession;

/**
 * Spark in local mode inside the build, one session for every test class in the JVM: two worker threads, as on a
 * two-core machine, no web UI, few shuffle partitions (the tests' data are small, and 200 empty partitions would
 * be most of the time).
 */
final class LocalSpark {

    private static SparkSession session;

    private LocalSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder().master("local[2]").appName("custograph-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.sql.warehouse.dir", System.getProperty("java.io.tmpdir") + "/custograph-spark-wh")
                    .getOrCreate();
            session.sparkContext().setLogLevel("WARN");
        }
        return session;
    }
}
