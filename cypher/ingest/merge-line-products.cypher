// Creates the products that order lines refer to. A product keeps the first name it was given (sources such as
// Online Retail spell one product's description several ways); a category, when a row names one, links it.
// Parameters: $rows = [{productId, name, category}]. Index: constraints product_id, category_name.
UNWIND $rows AS row
MERGE (p:Product {productId: row.productId})
SET p.name = coalesce(p.name, row.name)
WITH p, row
CALL (p, row) {
  WITH p, row WHERE row.category IS NOT NULL
  MERGE (c:Category {name: row.category})
  MERGE (p)-[:IN_CATEGORY]->(c)
}
