// Materialises a rules run as (:Product)-[:BOUGHT_WITH {support, confidence, lift, count, runId}]->(:Product),
// replacing the previous run's in the same transaction, so "frequently bought together" for a product is a one-hop
// read that always shows one run.
// Parameters: $rules = [{antecedent, consequent, support, confidence, lift, count}], $runId.
// Index: constraint product_id.
CALL {
  MATCH (:Product)-[old:BOUGHT_WITH]->(:Product)
  DELETE old
}
WITH 1 AS once
UNWIND $rules AS rule
MATCH (a:Product {productId: rule.antecedent}), (b:Product {productId: rule.consequent})
CREATE (a)-[:BOUGHT_WITH {support: rule.support, confidence: rule.confidence, lift: rule.lift, count: rule.count,
                          runId: $runId}]->(b)
