// The names of these products (a product without a name has none), for the popularity prior that the
// recommendations' snapshot counts from the purchases it already read (see popular-products.cypher for the same
// prior read in one query).
// Parameters: $ids. Index: constraint product_id.
UNWIND $ids AS id
MATCH (p:Product {productId: id})
RETURN p.productId AS productId, p.name AS name
