// How many baskets (orders) there are, and in how many of them each product that reaches $minSupport appears:
// the first half of pair-rules (a product that is not frequent on its own cannot be in a frequent pair, the
// Apriori property). Anonymous orders are baskets too; cancelled orders are not, unless $includeCancelled. A
// product on two lines of one order counts once.
// Parameters: $minSupport (0 < s <= 1), $includeCancelled.
MATCH (o:Order)
WHERE $includeCancelled OR coalesce(o.status, 'completed') <> 'cancelled'
WITH count(o) AS transactions
MATCH (o:Order)-[:CONTAINS]->(p:Product)
WHERE $includeCancelled OR coalesce(o.status, 'completed') <> 'cancelled'
WITH transactions, p, count(DISTINCT o) AS orders
WHERE orders >= $minSupport * transactions
RETURN transactions, p.productId AS productId, orders
ORDER BY orders DESC, productId
