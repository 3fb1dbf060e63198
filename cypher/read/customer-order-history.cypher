// One page of a customer's orders, newest first, for Customer.orderHistory. Keyset pagination on (order date,
// order id): the page starts after the previous page's last order.
// Parameters: $customerId, $orderBy (only 'DATE_DESC'), $afterKey, $afterId (null on the first page), $limit.
// Index: constraint customer_id.
MATCH (:Customer {customerId: $customerId})-[:PLACED]->(o:Order)
WITH o, toString(o.orderDate) AS sortKey
WHERE $afterKey IS NULL OR sortKey < $afterKey OR (sortKey = $afterKey AND o.orderId < $afterId)
RETURN o, $customerId AS customerId, sortKey
ORDER BY sortKey DESC, o.orderId DESC
LIMIT $limit
