package dev.custograph.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.custograph.analytics.BgNbd;
import dev.custograph.analytics.Chaf;
import dev.custograph.analytics.GammaGamma;
import dev.custograph.analytics.MaximumLikelihood.Fit;
import dev.custograph.analytics.ProbabilisticValue;
import dev.custograph.analytics.ProbabilisticValue.TimeUnit;
import dev.custograph.analytics.PurchaseSummary;
import dev.custograph.analytics.Rfm;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code analyze} on Spark: RFM, BG/NBD and Gamma-Gamma value as of a date, written onto the customers and recorded as
 * a value {@code (:AnalyticsRun)}, exactly as the in-JVM engine writes them (cypher/analytics/).
 * <ul>
 *   <li>Histories and their summaries are computed on the cluster, one customer per row, with the product's own
 *       {@link PurchaseSummary};</li>
 *   <li>RFM scores use the product's quintile rule on exact counts of smaller values ({@link ExactRanks});</li>
 *   <li>the models are fitted by maximum likelihood on the driver, over counts the cluster made: customers per
 *       distinct (x, t_x, T) for BG/NBD and per distinct (x, mean spend) for Gamma-Gamma, which are few whatever the
 *       number of customers;</li>
 *   <li>P(alive), expected purchases, expected spend and CLV are computed back on the cluster by the product's
 *       {@link ProbabilisticValue.Scorer}.</li>
 * </ul>
 * The descriptive statistics, correlations, simple and retention-based LTV, churn by month and cohorts that the
 * in-JVM report adds are not computed here (nothing reads them from the graph; docs/scaling.md says so).
 */
final class ValueJob {

    private static final Logger log = LoggerFactory.getLogger(ValueJob.class);
    private static final int WRITE_BATCH = 10_000;

    /** As {@code analyze} takes them; null dates and horizon mean the same defaults. */
    record Parameters(LocalDate asOf, LocalDate calibrationEnd, TimeUnit timeUnit, Double horizon,
                      double discountRate, double margin, boolean includeCancelled, boolean write) {

        Parameters {
            if (horizon != null && !(horizon > 0)) {
                throw new IllegalArgumentException("--horizon: must be positive, got " + horizon);
            }
            if (!(margin > 0)) {
                throw new IllegalArgumentException("--margin: must be positive, got " + margin);
            }
            if (!(discountRate >= 0)) {
                throw new IllegalArgumentException("--discount-rate: must not be negative, got " + discountRate);
            }
        }

        double horizonUnits() {
            return horizon != null ? horizon : timeUnit == TimeUnit.WEEK ? 52 : 365;
        }
    }

    /** One customer's summary as of the run's date, with what the models and RFM need. */
    private static final StructType SUMMARY = new StructType()
            .add("customerId", DataTypes.StringType, false)
            .add("recencyDays", DataTypes.IntegerType, false)
            .add("negativeRecency", DataTypes.IntegerType, false)
            .add("frequency", DataTypes.IntegerType, false)
            .add("monetary", DataTypes.DoubleType, false)
            .add("rankedMonetary", DataTypes.DoubleType, false)
            .add("tenureDays", DataTypes.IntegerType, false)
            .add("avgOrderValue", DataTypes.DoubleType, false)
            .add("purchaseDays", DataTypes.IntegerType, false)
            .add("firstPurchase", DataTypes.DateType, false)
            .add("lastPurchase", DataTypes.DateType, false)
            .add("repeatPurchases", DataTypes.IntegerType, false)
            .add("spanDays", DataTypes.IntegerType, false)
            .add("averageRepeatSpend", DataTypes.DoubleType, false)
            .add("chaf", DataTypes.DoubleType, true)
            .add("calibrated", DataTypes.BooleanType, false)
            .add("calibrationX", DataTypes.IntegerType, false)
            .add("calibrationTxDays", DataTypes.IntegerType, false)
            .add("calibrationTDays", DataTypes.IntegerType, false)
            .add("calibrationSpend", DataTypes.DoubleType, false)
            .add("holdoutPurchases", DataTypes.IntegerType, false);

    private final Neo4jGraph graph;

    ValueJob(Neo4jGraph graph) {
        this.graph = graph;
    }

    Map<String, Object> run(Parameters p) {
        long started = System.nanoTime();
        RunLedger ledger = new RunLedger(graph, "value");
        LocalDate[] range = ledger.orderDates();
        LocalDate asOf = p.asOf() != null ? p.asOf() : range[1];
        if (asOf.isBefore(range[0])) {
            throw new IllegalArgumentException("--as-of: " + asOf + " is before the first order (" + range[0]
                    + "): there is nothing to analyse");
        }
        LocalDate calibrationEnd = p.calibrationEnd() != null ? p.calibrationEnd() : asOf;
        if (calibrationEnd.isAfter(asOf)) {
            throw new IllegalArgumentException("--calibration-end: " + calibrationEnd + " is after --as-of " + asOf
                    + ": the hold-out period would be empty");
        }
        if (calibrationEnd.isBefore(range[0])) {
            throw new IllegalArgumentException("--calibration-end: " + calibrationEnd + " is before the first order ("
                    + range[0] + "): there is nothing to fit on");
        }
        int asOfDay = (int) asOf.toEpochDay();
        int calibrationDay = (int) calibrationEnd.toEpochDay();
        double unitDays = p.timeUnit().days();

        Dataset<Row> histories = PurchaseHistories.upTo(graph.read("spark/customer-orders"), asOf,
                p.includeCancelled());
        Dataset<Row> summaries = histories.map((MapFunction<Row, Row>) row -> summary(row, asOfDay, calibrationDay),
                Encoders.row(SUMMARY)).cache();
        long n = summaries.count();
        if (n == 0) {
            throw new IllegalStateException("no customer has a purchase up to " + asOf
                    + " (anonymous and cancelled orders are not modelled)");
        }
        log.info("Summarised {} customers with purchases up to {}", n, asOf);

        // The fits: the cluster counts customers per distinct summary, the driver maximises the likelihood.
        Dataset<Row> calibrated = summaries.filter(col("calibrated"));
        List<Row> triples = calibrated.groupBy("calibrationX", "calibrationTxDays", "calibrationTDays").count()
                .collectAsList();
        double[] x = new double[triples.size()];
        double[] tx = new double[triples.size()];
        double[] t = new double[triples.size()];
        double[] customers = new double[triples.size()];
        int fitted = 0;
        for (int i = 0; i < triples.size(); i++) {
            Row triple = triples.get(i);
            x[i] = triple.getInt(0);
            tx[i] = triple.getInt(1) / unitDays;
            t[i] = triple.getInt(2) / unitDays;
            customers[i] = triple.getLong(3);
            fitted += (int) triple.getLong(3);
        }
        Fit<BgNbd> bgNbd = ProbabilisticValue.fitBgNbd(x, tx, t, customers);
        List<Row> pairs = calibrated.filter(col("calibrationX").gt(0).and(col("calibrationSpend").gt(0)))
                .groupBy("calibrationX", "calibrationSpend").count().collectAsList();
        double[] gx = new double[pairs.size()];
        double[] gm = new double[pairs.size()];
        double[] gw = new double[pairs.size()];
        int repeat = 0;
        for (int i = 0; i < pairs.size(); i++) {
            gx[i] = pairs.get(i).getInt(0);
            gm[i] = pairs.get(i).getDouble(1);
            gw[i] = pairs.get(i).getLong(2);
            repeat += (int) pairs.get(i).getLong(2);
        }
        Fit<GammaGamma> gammaGamma = ProbabilisticValue.fitGammaGamma(gx, gm, gw);
        log.info("Fitted BG/NBD on {} distinct summaries of {} customers ({}) and Gamma-Gamma on {} of {} ({})",
                triples.size(), fitted, bgNbd.converged() ? bgNbd.model() : bgNbd.problem(), pairs.size(), repeat,
                gammaGamma.converged() ? gammaGamma.model() : gammaGamma.problem());
        ProbabilisticValue.Holdout holdout = calibrationDay < asOfDay && bgNbd.converged()
                ? holdout(calibrated, bgNbd.model(), unitDays, (asOfDay - calibrationDay) / unitDays, fitted) : null;

        // RFM on exact counts of the customers with a worse value.
        Dataset<Row> ranked = ExactRanks.withCountBelow(ExactRanks.withCountBelow(ExactRanks.withCountBelow(
                summaries, "negativeRecency", "belowR"), "frequency", "belowF"), "rankedMonetary", "belowM");
        String runId = ledger.runId();
        ProbabilisticValue.Scorer scorer = new ProbabilisticValue.Scorer(bgNbd.model(), gammaGamma.model(),
                p.timeUnit(), p.horizonUnits(), p.discountRate(), p.margin());
        Date asOfDate = Date.valueOf(asOf);
        Dataset<Row> values = ranked.map((MapFunction<Row, Row>) row -> value(row, n, scorer, runId, asOfDate),
                Encoders.row(VALUE)).cache();
        Map<String, Long> segments = new LinkedHashMap<>();
        Rfm.SEGMENTS.forEach(name -> segments.put(name, 0L));
        values.groupBy("rfmSegment").count().collectAsList()
                .forEach(row -> segments.put(row.getString(0), row.getLong(1)));

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("runId", runId);
        report.put("engine", "spark");
        report.put("asOf", asOf.toString());
        report.put("calibrationEnd", p.calibrationEnd() == null ? null : calibrationEnd.toString());
        report.put("timeUnit", p.timeUnit().name().toLowerCase());
        report.put("horizon", p.horizonUnits());
        report.put("customers", n);
        report.put("rfm", segments);
        report.put("bgnbd", bgNbdReport(bgNbd, p.timeUnit(), fitted));
        report.put("gammaGamma", gammaGammaReport(gammaGamma, repeat));
        report.put("holdout", holdout);
        if (p.write()) {
            write(ledger, values, report, p, asOf, n, bgNbd, gammaGamma);
        }
        summaries.unpersist();
        values.unpersist();
        report.put("seconds", RunLedger.round((System.nanoTime() - started) / 1e9, 1));
        return report;
    }

    private void write(RunLedger ledger, Dataset<Row> values, Map<String, Object> report, Parameters p,
                       LocalDate asOf, long n, Fit<BgNbd> bgNbd, Fit<GammaGamma> gammaGamma) {
        // As the in-JVM run: RUNNING before the first customer is written, SUCCEEDED once every one is, FAILED with
        // the reason if a write fails; a run whose process died is marked INTERRUPTED by the next.
        graph.run("analytics/mark-interrupted-runs", Map.of("before", ledger.startedAt()));
        graph.run("analytics/start-run", Map.of("runId", ledger.runId(), "asOf", asOf, "startedAt",
                ledger.startedAt()));
        try {
            long writeStarted = System.nanoTime();
            graph.write(values, "spark/write-customer-values", WRITE_BATCH);
            graph.run("analytics/clear-stale-values", Map.of("runId", ledger.runId()));
            Map<String, Object> run = ledger.record();
            run.put("asOf", asOf);
            run.put("parameters", RunLedger.json(parametersJson(p)));
            run.put("metrics", RunLedger.json(report));
            run.put("customers", n);
            run.put("timeUnit", p.timeUnit().name().toLowerCase());
            run.put("horizon", p.horizonUnits());
            if (bgNbd.converged()) {
                run.put("r", bgNbd.model().r());
                run.put("alpha", bgNbd.model().alpha());
                run.put("a", bgNbd.model().a());
                run.put("b", bgNbd.model().b());
            }
            if (gammaGamma.converged()) {
                run.put("p", gammaGamma.model().p());
                run.put("q", gammaGamma.model().q());
                run.put("v", gammaGamma.model().v());
            }
            ledger.finish(run);
            log.info("Wrote the values of run {} onto {} customers in {} s", ledger.runId(), n,
                    String.format("%.1f", (System.nanoTime() - writeStarted) / 1e9));
        } catch (RuntimeException failure) {
            graph.run("analytics/mark-run-failed", Map.of("runId", ledger.runId(), "reason",
                    String.valueOf(failure.getMessage()), "at", java.time.OffsetDateTime.now()));
            throw failure;
        } finally {
            ledger.announce();
        }
    }

    private static Map<String, Object> parametersJson(Parameters p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("asOf", p.asOf() == null ? null : p.asOf().toString());
        json.put("calibrationEnd", p.calibrationEnd() == null ? null : p.calibrationEnd().toString());
        json.put("timeUnit", p.timeUnit().name());
        json.put("horizon", p.horizon());
        json.put("discountRate", p.discountRate());
        json.put("margin", p.margin());
        json.put("includeCancelled", p.includeCancelled());
        json.put("write", p.write());
        return json;
    }

    private static Row summary(Row row, int asOfDay, int calibrationDay) {
        PurchaseHistories.Arrays h = PurchaseHistories.Arrays.of(row);
        PurchaseSummary s = PurchaseSummary.of(h.days(), h.spends(), h.orders(), calibrationDay);
        int recency = asOfDay - s.lastDay();
        int span = s.lastDay() - s.firstDay();
        double chaf = Chaf.of(s.orders(), s.averageOrderValue(), s.purchaseDays(), span);
        return RowFactory.create(row.getString(row.fieldIndex("customerId")), recency, -recency, s.orders(),
                s.revenue(), Rfm.rankedMoney(s.revenue()), asOfDay - s.firstDay(), s.averageOrderValue(),
                s.purchaseDays(), Date.valueOf(LocalDate.ofEpochDay(s.firstDay())),
                Date.valueOf(LocalDate.ofEpochDay(s.lastDay())), s.repeatPurchases(), span,
                s.averageRepeatSpend(), Double.isFinite(chaf) ? chaf : null, s.calibrated(calibrationDay),
                s.calibrationRepeatPurchases(), s.calibrationLastDay() - s.firstDay(), calibrationDay - s.firstDay(),
                s.calibrationAverageRepeatSpend(), s.holdoutPurchases());
    }

    /** What the run writes onto one customer: spark/write-customer-values' event. */
    private static final StructType VALUE = new StructType()
            .add("customerId", DataTypes.StringType, false)
            .add("recencyDays", DataTypes.IntegerType, false)
            .add("frequency", DataTypes.IntegerType, false)
            .add("monetary", DataTypes.DoubleType, false)
            .add("tenureDays", DataTypes.IntegerType, false)
            .add("avgOrderValue", DataTypes.DoubleType, false)
            .add("rfmR", DataTypes.IntegerType, false)
            .add("rfmF", DataTypes.IntegerType, false)
            .add("rfmM", DataTypes.IntegerType, false)
            .add("rfmScore", DataTypes.DoubleType, false)
            .add("rfmSegment", DataTypes.StringType, false)
            .add("pAlive", DataTypes.DoubleType, true)
            .add("expectedPurchases", DataTypes.DoubleType, true)
            .add("expectedAvgSpend", DataTypes.DoubleType, true)
            .add("clv", DataTypes.DoubleType, true)
            .add("chaf", DataTypes.DoubleType, true)
            .add("purchaseDays", DataTypes.IntegerType, false)
            .add("firstPurchase", DataTypes.DateType, false)
            .add("lastPurchase", DataTypes.DateType, false)
            .add("runId", DataTypes.StringType, false)
            .add("asOf", DataTypes.DateType, false);

    private static Row value(Row s, long n, ProbabilisticValue.Scorer scorer, String runId, Date asOf) {
        int r = Rfm.quintile(s.getLong(s.fieldIndex("belowR")), n);
        int f = Rfm.quintile(s.getLong(s.fieldIndex("belowF")), n);
        int m = Rfm.quintile(s.getLong(s.fieldIndex("belowM")), n);
        double[] scores = scorer.score(s.getInt(s.fieldIndex("repeatPurchases")), s.getInt(s.fieldIndex("spanDays")),
                s.getInt(s.fieldIndex("tenureDays")), s.getDouble(s.fieldIndex("averageRepeatSpend")));
        return RowFactory.create(s.getString(s.fieldIndex("customerId")), s.getInt(s.fieldIndex("recencyDays")),
                s.getInt(s.fieldIndex("frequency")), s.getDouble(s.fieldIndex("monetary")),
                s.getInt(s.fieldIndex("tenureDays")), s.getDouble(s.fieldIndex("avgOrderValue")), r, f, m,
                Rfm.weightedScore(r, f, m), Rfm.segment(r, f), finite(scores[0]), finite(scores[1]),
                finite(scores[2]), finite(scores[3]), s.isNullAt(s.fieldIndex("chaf")) ? null
                        : s.getDouble(s.fieldIndex("chaf")), s.getInt(s.fieldIndex("purchaseDays")),
                s.getDate(s.fieldIndex("firstPurchase")), s.getDate(s.fieldIndex("lastPurchase")), runId, asOf);
    }

    /**
     * The hold-out check on the cluster: each calibrated customer's predicted purchases in the hold-out period
     * against the actual ones, by calibration frequency (0..6, 7+), as the in-JVM run reports it.
     */
    private static ProbabilisticValue.Holdout holdout(Dataset<Row> calibrated, BgNbd model, double unitDays,
                                                      double periodUnits, int customers) {
        StructType schema = new StructType().add("bucket", DataTypes.IntegerType, false)
                .add("predicted", DataTypes.DoubleType, false).add("actual", DataTypes.IntegerType, false);
        int buckets = 8;
        Dataset<Row> rows = calibrated.map((MapFunction<Row, Row>) s -> {
            int x = s.getInt(s.fieldIndex("calibrationX"));
            double predicted = model.expectedPurchases(periodUnits, x,
                    s.getInt(s.fieldIndex("calibrationTxDays")) / unitDays,
                    s.getInt(s.fieldIndex("calibrationTDays")) / unitDays);
            return RowFactory.create(Math.min(buckets - 1, x), predicted, s.getInt(s.fieldIndex("holdoutPurchases")));
        }, Encoders.row(schema));
        List<Row> byBucket = rows.groupBy("bucket").agg(count(lit(1)), sum("predicted"), sum("actual"),
                sum(org.apache.spark.sql.functions.abs(col("predicted").minus(col("actual"))))).orderBy("bucket")
                .collectAsList();
        List<ProbabilisticValue.HoldoutRow> table = new ArrayList<>();
        double predicted = 0;
        long actual = 0;
        double absoluteError = 0;
        for (Row b : byBucket) {
            int bucket = b.getInt(0);
            long count = b.getLong(1);
            table.add(new ProbabilisticValue.HoldoutRow(bucket == buckets - 1 ? (buckets - 1) + "+"
                    : String.valueOf(bucket), (int) count, b.getDouble(2) / count, (double) b.getLong(3) / count));
            predicted += b.getDouble(2);
            actual += b.getLong(3);
            absoluteError += b.getDouble(4);
        }
        return new ProbabilisticValue.Holdout(periodUnits, customers, predicted, actual,
                customers == 0 ? 0 : absoluteError / customers, table);
    }

    private static Map<String, Object> bgNbdReport(Fit<BgNbd> fit, TimeUnit unit, int customers) {
        Map<String, Object> json = new LinkedHashMap<>();
        BgNbd m = fit.model();
        json.put("r", m == null ? null : m.r());
        json.put("alpha", m == null ? null : m.alpha());
        json.put("a", m == null ? null : m.a());
        json.put("b", m == null ? null : m.b());
        json.put("logLikelihood", finite(fit.logLikelihood()));
        json.put("timeUnit", unit.name().toLowerCase());
        json.put("customers", customers);
        json.put("evaluations", fit.evaluations());
        json.put("converged", fit.converged());
        json.put("problem", fit.problem());
        return json;
    }

    private static Map<String, Object> gammaGammaReport(Fit<GammaGamma> fit, int customers) {
        Map<String, Object> json = new LinkedHashMap<>();
        GammaGamma m = fit.model();
        json.put("p", m == null ? null : m.p());
        json.put("q", m == null ? null : m.q());
        json.put("v", m == null ? null : m.v());
        json.put("logLikelihood", finite(fit.logLikelihood()));
        json.put("customers", customers);
        json.put("evaluations", fit.evaluations());
        json.put("converged", fit.converged());
        json.put("problem", fit.problem());
        return json;
    }

    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
