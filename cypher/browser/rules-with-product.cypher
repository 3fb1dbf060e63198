// The association rules of the latest `custograph rules` run that involve one product, best lift first: pairs
// (BOUGHT_WITH relationships) and rules with two or more products on the left (AssociationRule nodes, which name
// their products by id).
// Parameters: $productId (e.g. :param productId => 'whole milk').
CALL {
  MATCH (a:Product)-[r:BOUGHT_WITH]->(b:Product)
  WHERE a.productId = $productId OR b.productId = $productId
  RETURN [a.productId] AS antecedent, [b.productId] AS consequent, r.support AS support,
         r.confidence AS confidence, r.lift AS lift, r.count AS count
  UNION ALL
  MATCH (r:AssociationRule)
  WHERE $productId IN r.antecedent OR $productId IN r.consequent
  RETURN r.antecedent AS antecedent, r.consequent AS consequent, r.support AS support,
         r.confidence AS confidence, r.lift AS lift, r.count AS count
}
RETURN antecedent, consequent, support, confidence, lift, count
ORDER BY lift DESC, confidence DESC
LIMIT 100
