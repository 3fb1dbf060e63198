// How many products match the products connection's filter (its totalCount).
// Parameters: $category, $namePrefix (null = no filter). Index: constraint category_name.
MATCH (p:Product)
OPTIONAL MATCH (p)-[:IN_CATEGORY]->(c:Category)
WITH p, c
WHERE ($category IS NULL OR c.name = $category)
  AND ($namePrefix IS NULL OR toLower(p.name) STARTS WITH toLower($namePrefix))
RETURN count(p) AS count
