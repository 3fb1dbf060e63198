// Analytics projection: one page of customers (keyset, by customerId), their country, and their purchase
// history up to $asOf,
// one entry per calendar day with purchases (the BG/NBD convention: same-day orders are one purchase): the day,
// the day's spend (sum of order totals) and its number of orders. Cancelled orders are left out unless
// $includeCancelled; anonymous orders have no customer and never appear. Customers with no purchase up to $asOf are
// returned with empty lists (they are counted, not modelled).
// Parameters: $after (customerId of the previous page's last customer, '' for the first), $limit, $asOf (date),
//             $includeCancelled (boolean).
// Index: constraint customer_id (the page is read in id order).
MATCH (c:Customer)
WHERE c.customerId > $after
WITH c
ORDER BY c.customerId
LIMIT $limit
CALL (c) {
  // Expand the customer's own orders, then filter (WITH): never a scan of the order_date index per customer.
  OPTIONAL MATCH (c)-[:PLACED]->(o:Order)
  WITH o
  WHERE o IS NULL OR (o.orderDate <= $asOf AND ($includeCancelled OR coalesce(o.status, 'completed') <> 'cancelled'))
  WITH o.orderDate AS day, sum(o.total) AS spend, count(o) AS orders
  ORDER BY day
  RETURN collect(day) AS days, collect(spend) AS spends, collect(orders) AS orderCounts
}
RETURN c.customerId AS customerId, c.country AS country, days, spends, orderCounts
