// The customers most similar to one customer by what they bought, found by traversal:
// customer -> orders -> products <- orders <- other customers. A customer "bought" a product when its units on
// orders that were not cancelled add up to more than zero. Scores, with A and B the two customers' products and
// qA, qB their units per product:
//   jaccard          |A ∩ B| / |A ∪ B|
//   cosine           |A ∩ B| / sqrt(|A| |B|)                      (bought or not)
//   cosine-quantity  sum over A ∩ B of qA qB / sqrt(sum qA² × sum qB²)
// Best score first, ties by customer id; customers with nothing in common never appear.
// Parameters: $customerId, $measure ('jaccard', 'cosine' or 'cosine-quantity'), $k (how many).
// Index: constraint customer_id.
MATCH (c:Customer {customerId: $customerId})-[:PLACED]->(o:Order)-[l:CONTAINS]->(p:Product)
WHERE coalesce(o.status, 'completed') <> 'cancelled'
WITH c, p, sum(l.quantity) AS q
WHERE q > 0
WITH c, collect([p, q]) AS mine, count(p) AS size, sum(q * q) AS squares
UNWIND mine AS bought
WITH c, size, squares, bought[0] AS p, bought[1] AS q
MATCH (p)<-[l:CONTAINS]-(o:Order)<-[:PLACED]-(other:Customer)
WHERE other <> c AND coalesce(o.status, 'completed') <> 'cancelled'
WITH size, squares, p, q, other, sum(l.quantity) AS otherQ
WHERE otherQ > 0
WITH size, squares, other, count(p) AS shared, sum(q * otherQ) AS dot
CALL (other) {
  MATCH (other)-[:PLACED]->(o:Order)-[l:CONTAINS]->(p:Product)
  WHERE coalesce(o.status, 'completed') <> 'cancelled'
  WITH p, sum(l.quantity) AS q
  WHERE q > 0
  RETURN count(p) AS otherSize, sum(q * q) AS otherSquares
}
WITH other, shared, CASE $measure
    WHEN 'jaccard' THEN toFloat(shared) / (size + otherSize - shared)
    WHEN 'cosine' THEN toFloat(shared) / sqrt(toFloat(size) * otherSize)
    ELSE toFloat(dot) / sqrt(toFloat(squares) * otherSquares)
  END AS score
RETURN other.customerId AS customerId, other.name AS name, score, shared
ORDER BY score DESC, customerId
LIMIT $k
