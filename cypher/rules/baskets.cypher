// The baskets projected for itemset mining in Java (FP-Growth), in vertical form: for each product that was ever
// bought, the orders (baskets) holding it, plus how many baskets there are. Anonymous orders are baskets; cancelled
// ones only with $includeCancelled. A product on two lines of one order may list the order twice; the miner counts it
// once. Orders are named by their internal id, which is compact and only has to hold within this one read.
// Parameters: $includeCancelled.
MATCH (o:Order)
WHERE $includeCancelled OR coalesce(o.status, 'completed') <> 'cancelled'
WITH collect(o) AS orders
UNWIND orders AS o
MATCH (o)-[:CONTAINS]->(p:Product)
RETURN size(orders) AS transactions, p.productId AS productId, p.name AS name, collect(id(o)) AS orders
