package dev.custograph.recommend;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.custograph.graph.Graph;
import dev.custograph.graph.GraphChange;
import dev.custograph.graph.Row;
import dev.custograph.graph.RunRecord;
import dev.custograph.model.InvalidParameterException;

/**
 * Association rules X -> {y} between products bought in the same order, with the definitions and names of R's
 * arules, materialised so that "frequently bought together" is a one-hop read: pair rules as
 * {@code (:Product)-[:BOUGHT_WITH]->(:Product)}, rules with two or more products on the left as
 * {@code (:AssociationRule)} nodes. A run replaces the previous run's rules in one transaction.
 *
 * <p>Two engines: {@link Engine#FPGROWTH} (the default) projects the baskets out of the graph with one Cypher read and
 * mines itemsets up to {@code maxLength} products in Java; {@link Engine#CYPHER} computes pair rules entirely in
 * Cypher ({@code cypher/rules/pair-rules.cypher}, the query an analyst can run in Neo4j Browser). Both give the same
 * pair rules; FP-Growth is several times faster and goes beyond pairs.
 */
public final class AssociationRules {

    /** What this run's writes announce: its kind's results changed. */
    private static final GraphChange WRITES = new GraphChange.RunWrote(GraphChange.RunKind.RULES);

    /** The most rules a run returns and materialises. */
    public static final int MAX_LIMIT = 100_000;

    /** The longest rule (products on both sides) a run mines; arules' default maxlen. */
    public static final int MAX_LENGTH = 10;

    public enum Engine { FPGROWTH, CYPHER }

    /**
     * @param maxLength most products in a rule, both sides together: 2 for pairs {A} -> {B}
     */
    public record Parameters(double minSupport, double minConfidence, double minLift, int maxLength, int limit,
                             boolean includeCancelled, Engine engine, boolean write) {

        public Parameters {
            checkThresholds(minSupport, minConfidence);
            if (!(minLift >= 0)) {
                throw new InvalidParameterException("minLift", "must be 0 or more, got " + minLift);
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new InvalidParameterException("limit", "must be between 1 and " + MAX_LIMIT + ", got " + limit);
            }
            if (maxLength < 2 || maxLength > MAX_LENGTH) {
                throw new InvalidParameterException("maxLength", "must be between 2 and " + MAX_LENGTH + ", got "
                        + maxLength);
            }
            if (engine == Engine.CYPHER && maxLength != 2) {
                throw new InvalidParameterException("engine", "cypher mines pairs only; use {maxLength} 2 or {engine} "
                        + "fpgrowth, got {maxLength} " + maxLength);
            }
        }

        /** Pair rules by the default engine. */
        public static Parameters pairs(double minSupport, double minConfidence, double minLift, int limit,
                                       boolean write) {
            return new Parameters(minSupport, minConfidence, minLift, 2, limit, false, Engine.FPGROWTH, write);
        }
    }

    private final Graph graph;

    public AssociationRules(Graph graph) {
        this.graph = graph;
    }

    public RulesReport run(Parameters p) {
        long started = System.nanoTime();
        long transactions;
        int frequentProducts;
        List<RulesReport.Rule> rules;
        double readSeconds;
        if (p.engine() == Engine.CYPHER) {
            CypherPairs pairs = cypherPairRules(p);
            transactions = pairs.transactions();
            frequentProducts = pairs.frequentProducts();
            rules = pairs.rules();
            readSeconds = (System.nanoTime() - started) / 1e9;
        } else {
            Baskets baskets = Baskets.read(graph, p.minSupport(), p.includeCancelled());
            readSeconds = (System.nanoTime() - started) / 1e9;
            transactions = baskets.transactions();
            frequentProducts = baskets.productIds().size();
            rules = ItemsetRules.mine(baskets, p.minSupport(), p.minConfidence(), p.minLift(), p.maxLength(),
                    p.limit());
        }
        String runId = UUID.randomUUID().toString();
        if (p.write()) {
            write(p, runId, transactions, rules);
        }
        return new RulesReport(runId, transactions, frequentProducts, rules, readSeconds,
                (System.nanoTime() - started) / 1e9);
    }

    /** Support and confidence must be in (0, 1]; the message names the option. */
    public static void checkThresholds(double minSupport, double minConfidence) {
        if (!(minSupport > 0 && minSupport <= 1)) {
            throw new InvalidParameterException("minSupport", "must be in (0, 1], got " + minSupport);
        }
        if (!(minConfidence > 0 && minConfidence <= 1)) {
            throw new InvalidParameterException("minConfidence", "must be in (0, 1], got " + minConfidence);
        }
    }


    private record CypherPairs(long transactions, int frequentProducts, List<RulesReport.Rule> rules) {
    }

    private CypherPairs cypherPairRules(Parameters p) {
        List<Row> items = graph.rows("rules/item-counts", Map.of("minSupport", p.minSupport(),
                "includeCancelled", p.includeCancelled()));
        Map<String, Object> itemOrders = new LinkedHashMap<>();
        long transactions = 0;
        for (Row item : items) {
            transactions = item.longValue("transactions");
            itemOrders.put(item.string("productId"), item.longValue("orders"));
        }
        List<RulesReport.Rule> rules = new ArrayList<>();
        if (itemOrders.size() >= 2) {
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("itemOrders", itemOrders);
            parameters.put("transactions", transactions);
            parameters.put("minSupport", p.minSupport());
            parameters.put("minConfidence", p.minConfidence());
            parameters.put("minLift", p.minLift());
            parameters.put("limit", p.limit());
            parameters.put("includeCancelled", p.includeCancelled());
            for (Row row : graph.rows("rules/pair-rules", parameters)) {
                rules.add(new RulesReport.Rule(List.of(row.string("antecedent")),
                        List.of(row.string("consequent")), row.doubleOrNull("support"),
                        row.doubleOrNull("confidence"), row.doubleOrNull("lift"), row.longOrNull("count"),
                        Collections.singletonList(row.string("antecedentName")),
                        Collections.singletonList(row.string("consequentName"))));
            }
        }
        return new CypherPairs(transactions, itemOrders.size(), rules);
    }

    /** Pair rules become BOUGHT_WITH, longer ones AssociationRule nodes; both replace the previous run's. */
    private void write(Parameters p, String runId, long transactions, List<RulesReport.Rule> rules) {
        List<Map<String, Object>> pairs = new ArrayList<>();
        List<Map<String, Object>> longer = new ArrayList<>();
        for (RulesReport.Rule r : rules) {
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
        RunRecord run = RunRecord.finished(GraphChange.RunKind.RULES, runId).with("parameters", p.toString())
                .with("transactions", transactions).with("rules", (long) rules.size())
                .with("minSupport", p.minSupport()).with("minConfidence", p.minConfidence())
                .with("maxLength", (long) p.maxLength());
        graph.writeTogether(List.of(
                new Graph.Statement("rules/replace-bought-with", Map.of("rules", pairs, "runId", runId), WRITES),
                new Graph.Statement("rules/replace-itemset-rules", Map.of("rules", longer, "runId", runId), WRITES),
                run.statement()));
    }
}
