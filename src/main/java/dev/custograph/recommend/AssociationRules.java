package dev.custograph.recommend;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.custograph.graph.Graph;

/**
 * Pair association rules {A} -> {B} computed by Cypher over the orders in the graph (see
 * {@code cypher/rules/item-counts.cypher} and {@code pair-rules.cypher}), with the definitions and names of R's
 * arules, and materialised as {@code (:Product)-[:BOUGHT_WITH]->(:Product)} so that "frequently bought together" is a
 * one-hop read. A run replaces the previous run's relationships in one transaction.
 */
public final class AssociationRules {

    /** The most rules a run returns and materialises. */
    public static final int MAX_LIMIT = 100_000;

    public record Parameters(double minSupport, double minConfidence, double minLift, int limit,
                             boolean includeCancelled, boolean write) {
    }

    private final Graph graph;

    public AssociationRules(Graph graph) {
        this.graph = graph;
    }

    public RulesReport run(Parameters p) {
        long started = System.nanoTime();
        if (!(p.minSupport() > 0 && p.minSupport() <= 1)) {
            throw new IllegalArgumentException("--min-support must be in (0, 1], got " + p.minSupport());
        }
        if (!(p.minConfidence() > 0 && p.minConfidence() <= 1)) {
            throw new IllegalArgumentException("--min-confidence must be in (0, 1], got " + p.minConfidence());
        }
        if (!(p.minLift() >= 0)) {
            throw new IllegalArgumentException("--min-lift must be 0 or more, got " + p.minLift());
        }
        if (p.limit() < 1 || p.limit() > MAX_LIMIT) {
            throw new IllegalArgumentException("--limit must be between 1 and " + MAX_LIMIT + ", got " + p.limit());
        }
        List<Map<String, Object>> items = graph.readRows("rules/item-counts", Map.of("minSupport", p.minSupport(),
                "includeCancelled", p.includeCancelled()));
        Map<String, Object> itemOrders = new LinkedHashMap<>();
        long transactions = 0;
        for (Map<String, Object> item : items) {
            transactions = (Long) item.get("transactions");
            itemOrders.put((String) item.get("productId"), item.get("orders"));
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
            for (Map<String, Object> row : graph.readRows("rules/pair-rules", parameters)) {
                rules.add(new RulesReport.Rule(List.of((String) row.get("antecedent")),
                        List.of((String) row.get("consequent")), (Double) row.get("support"),
                        (Double) row.get("confidence"), (Double) row.get("lift"), (Long) row.get("count"),
                        java.util.Collections.singletonList((String) row.get("antecedentName")),
                        java.util.Collections.singletonList((String) row.get("consequentName"))));
            }
        }
        double cypherSeconds = (System.nanoTime() - started) / 1e9;
        String runId = UUID.randomUUID().toString();
        if (p.write()) {
            List<Map<String, Object>> rows = rules.stream().map(r -> Map.<String, Object>of("antecedent",
                    r.antecedent().get(0), "consequent", r.consequent().get(0), "support", r.support(),
                    "confidence", r.confidence(), "lift", r.lift(), "count", r.count())).toList();
            Map<String, Object> run = new HashMap<>();
            run.put("runId", runId);
            run.put("kind", "rules");
            run.put("finishedAt", OffsetDateTime.now());
            run.put("parameters", p.toString());
            run.put("transactions", transactions);
            run.put("rules", (long) rules.size());
            graph.writeTogether(List.of(new Graph.Statement("rules/replace-bought-with",
                    Map.of("rules", rows, "runId", runId)), new Graph.Statement("analytics/record-run",
                    Map.of("run", run))));
        }
        return new RulesReport(runId, transactions, itemOrders.size(), rules, cypherSeconds,
                (System.nanoTime() - started) / 1e9);
    }
}
