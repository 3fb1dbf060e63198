// One page of a customer's orders, newest first, for Customer.orderHistory. Keyset pagination on (order date,
// order id): the page starts after the previous page's last order. Read backward ($backward true: `last`/`before`),
// the page is the orders just newer than the cursor, read nearest (oldest) first; the API turns them round.
// Parameters: $customerId, $orderBy (only 'DATE_DESC'), $backward, $cursorKey, $cursorId (null for the first page,
//             or the last when backward), $limit.
// Index: constraint customer_id.
MATCH (:Customer {customerId: $customerId})-[:PLACED]->(o:Order)
WITH o, toString(o.orderDate) AS sortKey
WHERE $cursorKey IS NULL
   OR (NOT $backward AND (sortKey < $cursorKey OR (sortKey = $cursorKey AND o.orderId < $cursorId)))
   OR ($backward AND (sortKey > $cursorKey OR (sortKey = $cursorKey AND o.orderId > $cursorId)))
RETURN o, $customerId AS customerId, sortKey
ORDER BY CASE WHEN $backward THEN null ELSE sortKey END DESC, CASE WHEN $backward THEN null ELSE o.orderId END DESC,
         CASE WHEN $backward THEN sortKey END, CASE WHEN $backward THEN o.orderId END
LIMIT $limit
