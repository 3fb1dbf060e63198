// Every rule of the latest `custograph rules` run: pairs (BOUGHT_WITH relationships) and rules with two or more
// products on the left (AssociationRule nodes), with the run's id. The API filters, sorts and pages them.
// Parameters: none.
CALL {
  MATCH (a:Product)-[r:BOUGHT_WITH]->(b:Product)
  RETURN [a.productId] AS antecedent, [b.productId] AS consequent, r.support AS support,
         r.confidence AS confidence, r.lift AS lift, r.count AS count, r.runId AS runId
  UNION ALL
  MATCH (r:AssociationRule)
  RETURN r.antecedent AS antecedent, r.consequent AS consequent, r.support AS support,
         r.confidence AS confidence, r.lift AS lift, r.count AS count, r.runId AS runId
}
RETURN antecedent, consequent, support, confidence, lift, count, runId
