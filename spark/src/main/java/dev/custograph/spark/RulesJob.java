package dev.custograph.spark;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.size;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.ml.fpm.FPGrowth;
import org.apache.spark.ml.fpm.FPGrowthModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code rules} on Spark: association rules by MLlib's FP-Growth over the orders as baskets, with R's arules
 * definitions (support = baskets with every product of the rule / all baskets, confidence = support of the rule /
 * support of its left side, lift = confidence / support of the right side; an itemset is frequent when its count
 * reaches minSupport x baskets), the same as the product's miner, sorted the same way (lift, confidence, then the ids)
 * and cut at {@code limit}. Pair rules become {@code BOUGHT_WITH}, longer ones {@code (:AssociationRule)}, replacing
 * the previous run's in the one transaction that also records the run (cypher/rules/), as the in-JVM engine does.
 * Anonymous orders are baskets; cancelled ones only when asked.
 */
final class RulesJob {

    private static final Logger log = LoggerFactory.getLogger(RulesJob.class);
    static final int MAX_LIMIT = 100_000;
    static final int MAX_LENGTH = 10;

    record Parameters(double minSupport, double minConfidence, double minLift, int maxLength, int limit,
                      boolean includeCancelled, boolean write) {

        Parameters {
            if (!(minSupport > 0 && minSupport <= 1)) {
                throw new IllegalArgumentException("--min-support: must be in (0, 1], got " + minSupport);
            }
            if (!(minConfidence > 0 && minConfidence <= 1)) {
                throw new IllegalArgumentException("--min-confidence: must be in (0, 1], got " + minConfidence);
            }
            if (!(minLift >= 0)) {
                throw new IllegalArgumentException("--min-lift: must be 0 or more, got " + minLift);
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("--limit: must be between 1 and " + MAX_LIMIT + ", got " + limit);
            }
            if (maxLength < 2 || maxLength > MAX_LENGTH) {
                throw new IllegalArgumentException("--max-length: must be between 2 and " + MAX_LENGTH + ", got "
                        + maxLength);
            }
        }

        /** As the product records its parameters, with the engine that ran. */
        String describe() {
            return "Parameters[minSupport=" + minSupport + ", minConfidence=" + minConfidence + ", minLift=" + minLift
                    + ", maxLength=" + maxLength + ", limit=" + limit + ", includeCancelled=" + includeCancelled
                    + ", engine=SPARK, write=" + write + "]";
        }
    }

    /** One rule, as the product's report and the graph hold it. */
    record Rule(List<String> antecedent, List<String> consequent, double support, double confidence, double lift,
                long count) {
    }

    /** The product's order: lift, then confidence, highest first, then the ids. */
    static final Comparator<Rule> BEST_FIRST = Comparator.comparingDouble(Rule::lift).reversed()
            .thenComparing(Comparator.comparingDouble(Rule::confidence).reversed())
            .thenComparing(r -> String.join("\u0000", r.antecedent()))
            .thenComparing(r -> String.join("\u0000", r.consequent()));

    private final Neo4jGraph graph;

    RulesJob(Neo4jGraph graph) {
        this.graph = graph;
    }

    Map<String, Object> run(Parameters p) {
        long started = System.nanoTime();
        RunLedger ledger = new RunLedger(graph, "rules");
        Dataset<Row> lines = graph.read("spark/order-lines");
        if (!p.includeCancelled()) {
            lines = lines.filter(col("status").notEqual("cancelled"));
        }
        Dataset<Row> baskets = lines.groupBy("orderId").agg(collect_set("productId").as("items")).cache();
        long transactions = baskets.count();
        List<Rule> rules = new ArrayList<>();
        long frequentProducts = 0;
        if (transactions > 0) {
            FPGrowthModel model = new FPGrowth().setItemsCol("items").setMinSupport(p.minSupport())
                    .setMinConfidence(p.minConfidence()).fit(baskets);
            frequentProducts = model.freqItemsets().filter(size(col("items")).equalTo(1)).count();
            Dataset<Row> kept = model.associationRules()
                    .filter(size(col("antecedent")).plus(1).leq(p.maxLength()).and(col("lift").geq(p.minLift())))
                    .withColumn("antecedent", array_sort(col("antecedent")))
                    .orderBy(col("lift").desc(), col("confidence").desc(), array_join(col("antecedent"), "\u0000"),
                            array_join(col("consequent"), "\u0000"))
                    .limit(p.limit());
            for (Row row : kept.collectAsList()) {
                double support = row.getDouble(row.fieldIndex("support"));
                rules.add(new Rule(row.getList(row.fieldIndex("antecedent")),
                        row.getList(row.fieldIndex("consequent")), support,
                        row.getDouble(row.fieldIndex("confidence")), row.getDouble(row.fieldIndex("lift")),
                        Math.round(support * transactions)));
            }
            rules.sort(BEST_FIRST);
        }
        baskets.unpersist();
        log.info("{} rules from {} baskets ({} frequent products)", rules.size(), transactions, frequentProducts);
        if (p.write()) {
            write(ledger, p, transactions, rules);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("runId", ledger.runId());
        report.put("engine", "spark");
        report.put("transactions", transactions);
        report.put("frequentProducts", frequentProducts);
        report.put("rules", named(rules));
        report.put("seconds", RunLedger.round((System.nanoTime() - started) / 1e9, 1));
        return report;
    }

    private List<Map<String, Object>> named(List<Rule> rules) {
        List<String> ids = rules.stream().flatMap(r -> java.util.stream.Stream.concat(r.antecedent().stream(),
                r.consequent().stream())).distinct().toList();
        Map<String, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            graph.run("spark/product-names", Map.of("ids", ids), r -> names.put(r.get("productId").asString(),
                    r.get("name").asString(null)));
        }
        List<Map<String, Object>> named = new ArrayList<>();
        for (Rule r : rules) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("antecedent", r.antecedent());
            row.put("consequent", r.consequent());
            row.put("support", r.support());
            row.put("confidence", r.confidence());
            row.put("lift", r.lift());
            row.put("count", r.count());
            row.put("antecedentNames", r.antecedent().stream().map(names::get).toList());
            row.put("consequentNames", r.consequent().stream().map(names::get).toList());
            named.add(row);
        }
        return named;
    }

    private void write(RunLedger ledger, Parameters p, long transactions, List<Rule> rules) {
        List<Map<String, Object>> pairs = new ArrayList<>();
        List<Map<String, Object>> longer = new ArrayList<>();
        for (Rule r : rules) {
            Map<String, Object> row = new HashMap<>();
            row.put("support", r.support());
            row.put("confidence", r.confidence());
            row.put("lift", r.lift());
            row.put("count", r.count());
            if (r.antecedent().size() == 1) {
                row.put("antecedent", r.antecedent().get(0));
                row.put("consequent", r.consequent().get(0));
                pairs.add(row);
            } else {
                row.put("antecedent", r.antecedent());
                row.put("consequent", r.consequent());
                longer.add(row);
            }
        }
        Map<String, Object> run = ledger.record();
        run.put("parameters", p.describe());
        run.put("transactions", transactions);
        run.put("rules", (long) rules.size());
        run.put("minSupport", p.minSupport());
        run.put("minConfidence", p.minConfidence());
        run.put("maxLength", (long) p.maxLength());
        // A handful of rules, not a customer base: one transaction from the driver replaces the previous run's
        // rules and records this one, so readers see one run's rules or the other's, never a mix.
        try {
            graph.runTogether(List.of(
                    Map.entry("rules/replace-bought-with", Map.of("rules", pairs, "runId", ledger.runId())),
                    Map.entry("rules/replace-itemset-rules", Map.of("rules", longer, "runId", ledger.runId())),
                    Map.entry("analytics/record-run", Map.of("run", ledger.finishing(run)))));
        } finally {
            ledger.announce();
        }
    }
}
