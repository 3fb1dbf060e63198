// Creates or updates products and links each to its one category (moving it if the category changed).
// Parameters: $rows = [{productId, properties: {name, price, ...}, category}]. Index: constraints product_id, category_name.
UNWIND $rows AS row
MERGE (p:Product {productId: row.productId})
SET p += row.properties
WITH p, row
CALL (p, row) {
  OPTIONAL MATCH (p)-[old:IN_CATEGORY]->(previous:Category)
  WHERE row.category IS NULL OR previous.name <> row.category
  DELETE old
}
CALL (p, row) {
  WITH p, row WHERE row.category IS NOT NULL
  MERGE (c:Category {name: row.category})
  MERGE (p)-[:IN_CATEGORY]->(c)
}
