// Test-only: every materialised AssociationRule.
MATCH (r:AssociationRule)
RETURN r.antecedent AS antecedent, r.consequent AS consequent, r.support AS support, r.confidence AS confidence,
       r.lift AS lift, r.count AS count, r.runId AS runId
