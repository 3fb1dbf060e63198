// Test-only: every materialised SIMILAR relationship, each customer's in rank order.
MATCH (c:Customer)-[s:SIMILAR]->(other:Customer)
RETURN c.customerId AS customerId, other.customerId AS otherId, s.score AS score, s.shared AS shared,
       s.rank AS rank, s.measure AS measure, s.runId AS runId
ORDER BY customerId, rank
