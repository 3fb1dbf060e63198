// Creates the products that order lines refer to. A product keeps the first name it was given (sources such as
// Online Retail spell one product's description several ways); a category, when a row names one, links it.
// Parameters: $rows = [{productId, name, nameKey, category}]. Index: constraints product_id, category_name.
UNWIND $rows AS row
MERGE (p:Product {productId: row.productId})
// The name's sort key (NameOrder) goes with the name it was made from.
SET p.nameKey = CASE WHEN p.name IS NULL THEN row.nameKey ELSE p.nameKey END, p.name = coalesce(p.name, row.name)
WITH p, row
CALL (p, row) {
  WITH p, row WHERE row.category IS NOT NULL
  MERGE (c:Category {name: row.category})
  MERGE (p)-[:IN_CATEGORY]->(c)
}
