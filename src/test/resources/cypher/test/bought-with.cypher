// Test-only: every materialised BOUGHT_WITH rule.
MATCH (a:Product)-[r:BOUGHT_WITH]->(b:Product)
RETURN a.productId AS antecedent, b.productId AS consequent, r.support AS support, r.confidence AS confidence,
       r.lift AS lift, r.count AS count, r.runId AS runId
