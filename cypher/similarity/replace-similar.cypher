// Materialises a batch of customers' most similar customers as (:Customer)-[:SIMILAR {score, shared, rank, measure,
// runId}]->(:Customer), replacing each customer's previous SIMILAR relationships in the same transaction, so a
// reader always sees one complete list per customer.
// Parameters: $rows = [[customerId, [[otherId, score, shared], ...]]] (best first), $measure, $runId.
// Index: constraint customer_id.
UNWIND $rows AS row
MATCH (c:Customer {customerId: row[0]})
CALL (c) {
  MATCH (c)-[old:SIMILAR]->(:Customer)
  DELETE old
}
WITH c, row
UNWIND range(0, size(row[1]) - 1) AS rank
WITH c, rank, row[1][rank] AS neighbour
MATCH (other:Customer {customerId: neighbour[0]})
CREATE (c)-[:SIMILAR {score: neighbour[1], shared: neighbour[2], rank: rank + 1, measure: $measure,
                      runId: $runId}]->(other)
