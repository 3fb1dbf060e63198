// Materialises a run's rules with two or more products on the left as
// (:AssociationRule {antecedent: [productId], consequent: [productId], support, confidence, lift, count, runId})
// nodes, replacing the previous run's in the same transaction. (Pair rules are BOUGHT_WITH relationships:
// replace-bought-with.cypher.) The products are named by id rather than linked by relationships: a run can hold tens
// of thousands of rules, mostly about a few popular products, and linking each to those dense nodes made a run of
// 16k rules take 15 s instead of under one. cypher/browser/rules-with-product.cypher finds a product's rules.
// Parameters: $rules = [{antecedent, consequent, support, confidence, lift, count}], $runId.
CALL {
  MATCH (old:AssociationRule)
  DETACH DELETE old
}
WITH 1 AS once
UNWIND $rules AS rule
CREATE (:AssociationRule {antecedent: rule.antecedent, consequent: rule.consequent, support: rule.support,
                          confidence: rule.confidence, lift: rule.lift, count: rule.count, runId: $runId})
