// A page of customer and product names (merged customers' too, which an undo brings back) whose sort key is missing (or, with $all, every name), for the start-up step
// that keys them with the database's collation: stores from before name keys, and a change of collation.
// Parameters: $all, $afterId (the elementId order's last of the previous page; '' at the start), $limit.
MATCH (n)
WHERE (n:Customer OR n:Product OR n:MergedCustomer) AND n.name IS NOT NULL AND ($all OR n.nameKey IS NULL)
  AND elementId(n) > $afterId
RETURN elementId(n) AS nodeId, n.name AS name
ORDER BY nodeId
LIMIT $limit
