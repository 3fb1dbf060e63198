package dev.custograph.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * The graph as the Spark job sees it. Bulk data moves through Neo4j's Connector for Apache Spark: projections are read
 * by its executors ({@link #read}) and per-customer results written back by them ({@link #write}). The few
 * statements around a run (start it, switch segments, record it) go through the Neo4j driver from the Spark driver,
 * running the product's own Cypher files from {@code cypher/}, so both engines record a run with the same text.
 */
public final class Neo4jGraph implements AutoCloseable {

    /** Where the graph is and who the job logs in as. */
    public record Connection(String uri, String user, String password, String database) implements java.io.Serializable {

        /** The connector's options for this graph. */
        Map<String, String> connectorOptions() {
            Map<String, String> options = new LinkedHashMap<>();
            options.put("url", uri);
            options.put("authentication.type", "basic");
            options.put("authentication.basic.username", user);
            options.put("authentication.basic.password", password);
            options.put("database", database);
            return options;
        }
    }

    private static final String CONNECTOR = "org.neo4j.spark.DataSource";

    private final SparkSession spark;
    private final Connection connection;
    private final int readPartitions;
    private final Driver driver;

    public Neo4jGraph(SparkSession spark, Connection connection, int readPartitions) {
        this.spark = spark;
        this.connection = connection;
        this.readPartitions = readPartitions;
        this.driver = GraphDatabase.driver(connection.uri(), AuthTokens.basic(connection.user(), connection.password()));
    }

    SparkSession spark() {
        return spark;
    }

    /** The rows of {@code cypher/<name>.cypher}, read by the connector in {@code readPartitions} partitions. */
    Dataset<Row> read(String name) {
        return spark.read().format(CONNECTOR).options(connection.connectorOptions())
                .option("query", cypher(name))
                .option("partitions", String.valueOf(readPartitions))
                .load();
    }

    /**
     * Writes {@code rows} with {@code cypher/<name>.cypher}, each row as {@code event}, in batches of
     * {@code batchSize}, from as many partitions as {@code rows} has.
     */
    void write(Dataset<Row> rows, String name, int batchSize) {
        rows.write().format(CONNECTOR).mode(SaveMode.Append).options(connection.connectorOptions())
                .option("query", cypher(name))
                .option("batch.size", String.valueOf(batchSize))
                .save();
    }

    /** Runs {@code cypher/<name>.cypher} in a write transaction of its own; returns its records mapped. */
    <T> List<T> run(String name, Map<String, Object> parameters, Function<Record, T> mapper) {
        try (Session session = session()) {
            return session.writeTransaction(tx -> tx.run(cypher(name), parameters).list(mapper::apply));
        }
    }

    void run(String name, Map<String, Object> parameters) {
        run(name, parameters, r -> r);
    }

    /** Runs several files in one write transaction, in order: all of them land, or none. */
    void runTogether(List<Map.Entry<String, Map<String, Object>>> statements) {
        try (Session session = session()) {
            session.writeTransaction(tx -> {
                for (Map.Entry<String, Map<String, Object>> statement : statements) {
                    tx.run(cypher(statement.getKey()), statement.getValue()).consume();
                }
                return null;
            });
        }
    }

    private Session session() {
        return driver.session(SessionConfig.forDatabase(connection.database()));
    }

    /** The text of {@code cypher/<name>.cypher}, the product's catalogue, carried in the job's jar. */
    static String cypher(String name) {
        String path = "cypher/" + name + ".cypher";
        try (InputStream in = Neo4jGraph.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no Cypher file " + path + " in the job's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.close();
    }
}
