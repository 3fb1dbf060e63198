// Every BOUGHT_WITH rule of the latest rules run, for the recommender's in-memory index of rules by the product on
// their left.
// Parameters: none.
MATCH (a:Product)-[r:BOUGHT_WITH]->(b:Product)
RETURN a.productId AS from, a.name AS fromName, b.productId AS productId, r.confidence AS confidence, r.lift AS lift
