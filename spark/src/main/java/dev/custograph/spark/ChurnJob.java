package dev.custograph.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code churn} on Spark, by the product's time split: a customer who bought on or before the cutoff churns (label 1)
 * without a purchase in the {@code horizonDays} after it; features come only from what happened by the cutoff, are
 * z-scored on the labelled customers (population deviation), and MLlib's logistic regression learns from them. The
 * product's loss is the sum of log-losses plus lambda / 2 |w|^2; MLlib's is their mean plus regParam / 2 |w|^2, so
 * regParam = lambda / n gives the same coefficients. Evaluation is the product's: a stratified random hold-out, or out
 * of time (trained at cutoff - horizon, tested at the cutoff), with AUC, accuracy, precision, recall, F1, log-loss
 * and calibration deciles. The model refitted on every labelled customer scores each customer as of the last order,
 * and that probability is written as the in-JVM engine writes it (cypher/churn/).
 */
final class ChurnJob {

    private static final Logger log = LoggerFactory.getLogger(ChurnJob.class);
    private static final int WRITE_BATCH = 10_000;
    /** As the product: |w_j| beyond this (per standard deviation) means the classes are separable. */
    private static final double SEPARATION_LIMIT = 30;
    private static final double SEPARABLE_FALLBACK_LAMBDA = 1.0;

    record Parameters(LocalDate cutoff, int horizonDays, List<String> features, String penalty, double lambda,
                      String validation, double testFraction, long seed, boolean write) {

        Parameters {
            if (cutoff == null) {
                throw new IllegalArgumentException("--cutoff: is required");
            }
            if (horizonDays < 1) {
                throw new IllegalArgumentException("--horizon-days: must be at least 1, got " + horizonDays);
            }
            if (!penalty.equals("none") && !penalty.equals("l2")) {
                throw new IllegalArgumentException("--penalty: none or l2, got '" + penalty + "'");
            }
            if (lambda < 0 || (penalty.equals("l2") && lambda == 0)) {
                throw new IllegalArgumentException("--lambda: must be positive with --penalty l2, got " + lambda);
            }
            if (!validation.equals("random") && !validation.equals("out-of-time")) {
                throw new IllegalArgumentException("--validation: random or out-of-time, got '" + validation + "'");
            }
            if (!(testFraction > 0 && testFraction < 1)) {
                throw new IllegalArgumentException("--test-fraction: must be between 0 and 1, got " + testFraction);
            }
            features = CustomerFeatureTable.validate(features, "--features");
        }
    }

    private final Neo4jGraph graph;

    ChurnJob(Neo4jGraph graph) {
        this.graph = graph;
    }

    Map<String, Object> run(Parameters p) {
        long started = System.nanoTime();
        RunLedger ledger = new RunLedger(graph, "churn");
        LocalDate[] range = ledger.orderDates();
        LocalDate firstOrder = range[0];
        LocalDate lastOrder = range[1];
        LocalDate labelEnd = p.cutoff().plusDays(p.horizonDays());
        if (labelEnd.isAfter(lastOrder)) {
            throw new IllegalArgumentException("--cutoff: " + p.cutoff() + " + --horizon-days " + p.horizonDays()
                    + " = " + labelEnd + " runs past the last order (" + lastOrder + "): customers who buy after the "
                    + "data ends would be labelled as churned; choose an earlier cutoff or a shorter horizon");
        }
        if (p.cutoff().isBefore(firstOrder)) {
            throw new IllegalArgumentException("--cutoff: " + p.cutoff() + " is before the first order (" + firstOrder
                    + "): no customer is active before it");
        }
        LocalDate earlierCutoff = p.cutoff().minusDays(p.horizonDays());
        boolean outOfTime = p.validation().equals("out-of-time");
        if (outOfTime && earlierCutoff.isBefore(firstOrder)) {
            throw new IllegalArgumentException("--validation: out-of-time trains at --cutoff - --horizon-days = "
                    + earlierCutoff + ", before the first order (" + firstOrder + ")");
        }
        List<String> features = p.features();
        Dataset<Row> histories = PurchaseHistories.upTo(graph.read("spark/customer-orders"), lastOrder, false)
                .cache();
        int cutoffDay = (int) p.cutoff().toEpochDay();
        Dataset<Row> labelled = labelled(histories, features, cutoffDay, p.horizonDays()).cache();
        Row counts = labelled.agg(count(lit(1)), sum("label")).first();
        long n = counts.getLong(0);
        long positives = counts.isNullAt(1) ? 0 : (long) counts.getDouble(1);
        if (n == 0) {
            throw new IllegalArgumentException("--cutoff: no customer has a purchase on or before " + p.cutoff());
        }
        if (positives == 0 || positives == n) {
            throw new IllegalArgumentException("--cutoff: " + p.cutoff() + " with --horizon-days " + p.horizonDays()
                    + " every one of the " + n + " customers " + (positives == 0 ? "bought again" : "churned")
                    + ": there is nothing to learn; change the cutoff or the horizon");
        }
        log.info("{} customers active by {}, {} churned within {} days", n, p.cutoff(), positives, p.horizonDays());

        CustomerFeatureTable.Moments moments = CustomerFeatureTable.Moments.of(labelled, features,
                j -> "--features: '" + features.get(j) + "' is constant (every customer active by the cutoff has the "
                        + "same value): it cannot predict churn; leave it out");
        Dataset<Row> x = CustomerFeatureTable.scaled(labelled, features, false, moments).cache();
        List<String> warnings = new ArrayList<>();
        double lambda = p.penalty().equals("l2") ? p.lambda() : 0;

        // Evaluation on customers the model did not learn from.
        Dataset<Row> train;
        Dataset<Row> test;
        Map<String, Object> validation = new LinkedHashMap<>();
        if (outOfTime) {
            train = CustomerFeatureTable.scaled(labelled(histories, features, (int) earlierCutoff.toEpochDay(),
                    p.horizonDays()), features, false, moments);
            test = x;
            validation.put("method", "out-of-time");
            validation.put("trainCutoff", earlierCutoff.toString());
        } else {
            // Stratified: the same fraction of churners and of stayers, drawn with the seed.
            Dataset<Row> churners = x.filter(col("label").equalTo(1.0));
            Dataset<Row> stayers = x.filter(col("label").equalTo(0.0));
            Dataset<Row>[] c = churners.randomSplit(new double[] {1 - p.testFraction(), p.testFraction()}, p.seed());
            Dataset<Row>[] s = stayers.randomSplit(new double[] {1 - p.testFraction(), p.testFraction()}, p.seed());
            train = c[0].union(s[0]);
            test = c[1].union(s[1]);
            validation.put("method", "random");
            validation.put("testFraction", p.testFraction());
        }
        Fitted evaluated = fit(train, lambda, warnings, "the training split");
        Dataset<Row> predicted = evaluated.model().transform(test).cache();
        Map<String, Object> metrics = metrics(predicted);
        validation.put("trainCustomers", train.count());
        validation.put("testCustomers", (long) metrics.get("n"));
        predicted.unpersist();
        log.info("Evaluated logistic regression: AUC {}", metrics.get("auc"));

        // The model written to the graph learns from every labelled customer.
        Fitted fitted = fit(x, lambda, warnings, "all labelled customers");
        LogisticRegressionModel model = fitted.model();
        Vector w = model.coefficients();
        Map<String, Double> coefficients = new LinkedHashMap<>();
        Map<String, Double> raw = new LinkedHashMap<>();
        coefficients.put("intercept", model.intercept());
        double rawIntercept = model.intercept();
        for (int j = 0; j < features.size(); j++) {
            coefficients.put(features.get(j), w.apply(j));
            raw.put(features.get(j), w.apply(j) / moments.sd()[j]);
            rawIntercept -= w.apply(j) * moments.mean()[j] / moments.sd()[j];
        }
        Map<String, Double> rawCoefficients = new LinkedHashMap<>();
        rawCoefficients.put("intercept", rawIntercept);
        rawCoefficients.putAll(raw);

        long scored = 0;
        if (p.write()) {
            Dataset<Row> now = CustomerFeatureTable.scaled(CustomerFeatureTable.asOf(histories, features,
                    (int) lastOrder.toEpochDay()), features, false, moments);
            scored = write(ledger, model, now, lastOrder, p, n, (Double) metrics.get("auc"));
        }
        histories.unpersist();
        labelled.unpersist();
        x.unpersist();

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("runId", ledger.runId());
        report.put("engine", "spark");
        report.put("cutoff", p.cutoff().toString());
        report.put("horizonDays", p.horizonDays());
        report.put("scoredAsOf", lastOrder.toString());
        report.put("features", features);
        report.put("n", n);
        report.put("positives", positives);
        report.put("penalty", p.penalty());
        report.put("lambda", fitted.lambda());
        report.put("coefficients", coefficients);
        report.put("rawCoefficients", rawCoefficients);
        report.put("metrics", metrics);
        report.put("validation", validation);
        report.put("warnings", warnings);
        report.put("scored", scored);
        report.put("iterations", model.summary().totalIterations());
        report.put("seconds", RunLedger.round((System.nanoTime() - started) / 1e9, 1));
        return report;
    }

    /** Customers with a purchase by {@code day}: their features then, and label 1 if none in the horizon after. */
    private static Dataset<Row> labelled(Dataset<Row> histories, List<String> features, int day, int horizonDays) {
        StructType labels = new StructType().add("customerId", DataTypes.StringType, false)
                .add("label", DataTypes.DoubleType, false);
        Dataset<Row> label = histories.map((MapFunction<Row, Row>) row -> {
            int[] days = PurchaseHistories.Arrays.of(row).days();
            double churned = 1;
            for (int d : days) {
                if (d > day && d <= day + horizonDays) {
                    churned = 0;
                    break;
                }
            }
            return RowFactory.create(row.getString(row.fieldIndex("customerId")), churned);
        }, Encoders.row(labels));
        return CustomerFeatureTable.asOf(histories, features, day).join(label, "customerId");
    }

    private record Fitted(LogisticRegressionModel model, double lambda) {
    }

    private static Fitted fit(Dataset<Row> rows, double lambda, List<String> warnings, String on) {
        long n = rows.count();
        LogisticRegressionModel model = regression(lambda, n).fit(rows);
        boolean separable = false;
        for (double wj : model.coefficients().toArray()) {
            separable |= Math.abs(wj) > SEPARATION_LIMIT || !Double.isFinite(wj);
        }
        if (separable) {
            String warning = "the classes are (quasi-)separable on " + on + ": the unpenalised maximum-likelihood "
                    + "coefficients are infinite, so the model was refitted with --penalty l2 --lambda "
                    + SEPARABLE_FALLBACK_LAMBDA;
            warnings.add(warning);
            log.warn(warning);
            return new Fitted(regression(SEPARABLE_FALLBACK_LAMBDA, n).fit(rows), SEPARABLE_FALLBACK_LAMBDA);
        }
        return new Fitted(model, lambda);
    }

    private static LogisticRegression regression(double lambda, long n) {
        // Features are already z-scored by the job: MLlib must not scale them again.
        return new LogisticRegression().setFeaturesCol("features").setLabelCol("label").setFitIntercept(true)
                .setStandardization(false).setElasticNetParam(0).setRegParam(lambda / n).setMaxIter(1000)
                .setTol(1e-14);
    }

    /** The product's metrics (analytics.churn.ClassificationMetrics' definitions), computed on the cluster. */
    private static Map<String, Object> metrics(Dataset<Row> predicted) {
        Dataset<Row> p = predicted.withColumn("p", org.apache.spark.ml.functions.vector_to_array(col("probability"), "float64")
                .getItem(1));
        Row totals = p.agg(count(lit(1)), sum("label"),
                sum(when(col("p").geq(0.5).and(col("label").equalTo(1.0)), 1).otherwise(0)),
                sum(when(col("p").geq(0.5).and(col("label").equalTo(0.0)), 1).otherwise(0)),
                sum(when(col("p").lt(0.5).and(col("label").equalTo(1.0)), 1).otherwise(0)),
                sum(when(col("label").equalTo(1.0),
                        org.apache.spark.sql.functions.log(org.apache.spark.sql.functions.least(lit(1 - 1e-15),
                                org.apache.spark.sql.functions.greatest(lit(1e-15), col("p"))))).otherwise(
                        org.apache.spark.sql.functions.log(lit(1).minus(org.apache.spark.sql.functions.least(
                                lit(1 - 1e-15), org.apache.spark.sql.functions.greatest(lit(1e-15), col("p"))))))))
                .first();
        long n = totals.getLong(0);
        long positives = (long) totals.getDouble(1);
        long tp = totals.getLong(2);
        long fp = totals.getLong(3);
        long fn = totals.getLong(4);
        long tn = n - tp - fp - fn;
        Double precision = tp + fp == 0 ? null : (double) tp / (tp + fp);
        Double recall = tp + fn == 0 ? null : (double) tp / (tp + fn);
        Double f1 = precision == null || recall == null || precision + recall == 0 ? null
                : 2 * precision * recall / (precision + recall);
        Double auc = positives == 0 || positives == n ? null : new BinaryClassificationEvaluator()
                .setMetricName("areaUnderROC").setNumBins(0).setRawPredictionCol("rawPrediction")
                .setLabelCol("label").evaluate(predicted);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("n", n);
        metrics.put("positives", positives);
        metrics.put("accuracy", n == 0 ? 0 : (double) (tp + tn) / n);
        metrics.put("precision", precision);
        metrics.put("recall", recall);
        metrics.put("f1", f1);
        metrics.put("auc", auc);
        metrics.put("logLoss", n == 0 ? 0 : -totals.getDouble(5) / n);
        metrics.put("calibration", calibration(p, n));
        return metrics;
    }

    /** Customers in ten equal groups by predicted probability: each group's mean prediction and churn rate. */
    private static List<Map<String, Object>> calibration(Dataset<Row> p, long n) {
        StructType schema = new StructType().add("p", DataTypes.DoubleType, false)
                .add("label", DataTypes.DoubleType, false).add("decile", DataTypes.IntegerType, false);
        Dataset<Row> deciles = p.sparkSession().createDataFrame(p.select("p", "label").orderBy("p").javaRDD()
                .zipWithIndex().map(t -> RowFactory.create(t._1().getDouble(0), t._1().getDouble(1),
                        decile(t._2(), n))), schema);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Row r : deciles.groupBy("decile").agg(count(lit(1)), org.apache.spark.sql.functions.avg("p"),
                org.apache.spark.sql.functions.avg("label")).orderBy("decile").collectAsList()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("decile", r.getInt(0));
            row.put("customers", r.getLong(1));
            row.put("meanPredicted", r.getDouble(2));
            row.put("observedRate", r.getDouble(3));
            rows.add(row);
        }
        return rows;
    }

    /** The decile (1-10) of the customer at {@code position} (0-based) of {@code n} ranked by prediction. */
    static int decile(long position, long n) {
        int decile = 0;
        while (decile < 9 && n * (decile + 1) / 10 <= position) {
            decile++;
        }
        return decile + 1;
    }

    private long write(RunLedger ledger, LogisticRegressionModel model, Dataset<Row> now, LocalDate asOf,
                       Parameters p, long n, Double auc) {
        long writeStarted = System.nanoTime();
        try {
            Dataset<Row> probabilities = model.transform(now).select(col("customerId"),
                    org.apache.spark.ml.functions.vector_to_array(col("probability"), "float64").getItem(1).as("probability"),
                    lit(ledger.runId()).as("runId"), lit(Date.valueOf(asOf)).as("asOf"),
                    lit(p.horizonDays()).as("horizonDays")).cache();
            long scored = probabilities.count();
            graph.write(probabilities, "spark/write-churn-probabilities", WRITE_BATCH);
            probabilities.unpersist();
            graph.run("churn/clear-stale-churn", Map.of("runId", ledger.runId()));
            Map<String, Object> run = ledger.record();
            run.put("asOf", asOf);
            run.put("parameters", RunLedger.json(parametersJson(p)));
            run.put("customers", n);
            run.put("auc", auc);
            ledger.finish(run);
            log.info("Wrote {} churn probabilities in {} s", scored,
                    String.format("%.1f", (System.nanoTime() - writeStarted) / 1e9));
            return scored;
        } finally {
            ledger.announce();
        }
    }

    private static Map<String, Object> parametersJson(Parameters p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cutoff", p.cutoff().toString());
        json.put("horizonDays", p.horizonDays());
        json.put("features", p.features());
        json.put("penalty", p.penalty().toUpperCase());
        json.put("lambda", p.lambda());
        json.put("validation", p.validation().toUpperCase().replace('-', '_'));
        json.put("testFraction", p.testFraction());
        json.put("seed", p.seed());
        json.put("write", p.write());
        return json;
    }
}
