// The names of the products a Spark rules run kept, for the run's report (people read names, not ids).
// Parameters: $ids (product ids). Index: constraint product_id.
UNWIND $ids AS id
MATCH (p:Product {productId: id})
RETURN p.productId AS productId, p.name AS name
