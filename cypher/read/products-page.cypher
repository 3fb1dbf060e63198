// One page of products, filtered and sorted, for the products connection (keyset pagination, forward or backward,
// as customers-page).
// Parameters: $category, $namePrefix (case-insensitive; null = no filter), $orderBy ('NAME' or 'ID'),
//             $backward, $cursorKey, $cursorId, $limit.
// Index: product_name, constraint product_id, constraint category_name.
MATCH (p:Product)
OPTIONAL MATCH (p)-[:IN_CATEGORY]->(c:Category)
WITH p, c
WHERE ($category IS NULL OR c.name = $category)
  AND ($namePrefix IS NULL OR toLower(p.name) STARTS WITH toLower($namePrefix))
// NAME sorts by the name's collation key (as customers-page), then the name itself.
WITH p, c, CASE $orderBy WHEN 'NAME' THEN coalesce(p.nameKey, '') + ' ' + coalesce(p.name, '') ELSE p.productId END
           AS sortKey
WHERE $cursorKey IS NULL
   OR (NOT $backward AND (sortKey > $cursorKey OR (sortKey = $cursorKey AND p.productId > $cursorId)))
   OR ($backward AND (sortKey < $cursorKey OR (sortKey = $cursorKey AND p.productId < $cursorId)))
RETURN p, c.name AS category, sortKey
ORDER BY CASE WHEN $backward THEN null ELSE sortKey END, CASE WHEN $backward THEN null ELSE p.productId END,
         CASE WHEN $backward THEN sortKey END DESC, CASE WHEN $backward THEN p.productId END DESC
LIMIT $limit
