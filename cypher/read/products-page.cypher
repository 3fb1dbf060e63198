// One page of products, filtered and sorted, for the products connection (keyset pagination as customers-page).
// Parameters: $category, $namePrefix (case-insensitive; null = no filter), $orderBy ('NAME' or 'ID'),
//             $afterKey, $afterId, $limit.
// Index: product_name, constraint product_id, constraint category_name.
MATCH (p:Product)
OPTIONAL MATCH (p)-[:IN_CATEGORY]->(c:Category)
WITH p, c
WHERE ($category IS NULL OR c.name = $category)
  AND ($namePrefix IS NULL OR toLower(p.name) STARTS WITH toLower($namePrefix))
WITH p, c, CASE $orderBy WHEN 'NAME' THEN coalesce(p.name, '') ELSE p.productId END AS sortKey
WHERE $afterKey IS NULL OR sortKey > $afterKey OR (sortKey = $afterKey AND p.productId > $afterId)
RETURN p, c.name AS category, sortKey
ORDER BY sortKey, p.productId
LIMIT $limit
