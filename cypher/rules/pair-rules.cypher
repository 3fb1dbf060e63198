// Association rules {A} -> {B} between pairs of frequent products, with arules' definitions:
//   count      = baskets (orders) containing both A and B
//   support    = count / $transactions
//   confidence = count / baskets containing A
//   lift       = confidence / (baskets containing B / $transactions)
// $itemOrders maps each frequent product id to the baskets containing it and $transactions is the number of baskets,
// both from item-counts.cypher. Anonymous orders count, cancelled ones only with $includeCancelled; a product on
// two lines of one order counts once. Each basket is reduced to its distinct frequent products once, and each
// unordered pair {A, B} is counted once (A < B) and then read both ways. Sorted by lift, then confidence.
// Parameters: $itemOrders ({productId: orders}), $transactions, $minSupport, $minConfidence, $minLift, $limit,
//             $includeCancelled. Index: constraint product_id (names of the rules kept).
MATCH (o:Order)
WHERE $includeCancelled OR coalesce(o.status, 'completed') <> 'cancelled'
CALL (o) {
  MATCH (o)-[:CONTAINS]->(p:Product)
  WITH p.productId AS item
  WHERE $itemOrders[item] IS NOT NULL
  RETURN collect(DISTINCT item) AS items
}
WITH items
WHERE size(items) > 1
UNWIND items AS a
UNWIND items AS b
WITH a, b
WHERE a < b
WITH a, b, count(*) AS together
WHERE together >= $minSupport * $transactions
UNWIND [[a, b], [b, a]] AS pair
WITH pair[0] AS antecedent, pair[1] AS consequent, together
WITH antecedent, consequent, together, toFloat(together) / $itemOrders[antecedent] AS confidence
WITH antecedent, consequent, together, confidence,
     confidence / (toFloat($itemOrders[consequent]) / $transactions) AS lift
WHERE confidence >= $minConfidence AND lift >= $minLift
WITH antecedent, consequent, together, confidence, lift
ORDER BY lift DESC, confidence DESC, antecedent, consequent
LIMIT $limit
// Names for the rules kept, for people reading them.
MATCH (a:Product {productId: antecedent}), (b:Product {productId: consequent})
RETURN antecedent, consequent, a.name AS antecedentName, b.name AS consequentName, together AS count,
       toFloat(together) / $transactions AS support, confidence, lift
ORDER BY lift DESC, confidence DESC, antecedent, consequent
