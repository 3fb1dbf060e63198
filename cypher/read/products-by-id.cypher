// Products by id, with their category's name.
// Parameters: $ids = [productId]. Index: constraint product_id.
UNWIND $ids AS id
MATCH (p:Product {productId: id})
OPTIONAL MATCH (p)-[:IN_CATEGORY]->(c:Category)
RETURN p, c.name AS category
