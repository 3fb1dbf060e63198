// Association rules {A} -> {B} between pairs of frequent products, with arules' definitions:
//   count      = baskets (orders) containing both A and B
//   support    = count / $transactions
//   confidence = count / baskets containing A
//   lift       = confidence / (baskets containing B / $transactions)
// $itemOrders maps each frequent product id to the baskets containing it and $transactions is the number of baskets,
// both from item-counts.cypher. Anonymous orders count, cancelled ones only with $includeCancelled; a product on
// two lines of one order counts once. Sorted by lift, then confidence.
// Parameters: $itemOrders ({productId: orders}), $transactions, $minSupport, $minConfidence, $minLift, $limit,
//             $includeCancelled. Index: constraint product_id.
UNWIND keys($itemOrders) AS aId
MATCH (a:Product {productId: aId})<-[:CONTAINS]-(o:Order)-[:CONTAINS]->(b:Product)
WHERE b <> a AND $itemOrders[b.productId] IS NOT NULL
  AND ($includeCancelled OR coalesce(o.status, 'completed') <> 'cancelled')
WITH a, b, count(DISTINCT o) AS together
WHERE together >= $minSupport * $transactions
WITH a, b, together,
     toFloat(together) / $itemOrders[a.productId] AS confidence,
     toFloat($itemOrders[b.productId]) / $transactions AS supportB
WITH a, b, together, confidence, confidence / supportB AS lift
WHERE confidence >= $minConfidence AND lift >= $minLift
RETURN a.productId AS antecedent, b.productId AS consequent, together AS count,
       toFloat(together) / $transactions AS support, confidence, lift
ORDER BY lift DESC, confidence DESC, antecedent, consequent
LIMIT $limit
