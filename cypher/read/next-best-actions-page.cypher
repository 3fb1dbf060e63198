// Customers by their next best action's expected value, highest first (ties by id), all or those given $action;
// a page after the cursor ($afterValue, $afterId), both null for the first page. Walking backward reads
// next-best-actions-page-before, so that both directions follow the value index.
// Parameters: $action (null for all), $afterValue, $afterId, $limit. Index: customer_next_action(_value).
MATCH (c:Customer)
WHERE c.nextActionValue IS NOT NULL AND ($action IS NULL OR c.nextAction = $action)
  AND c.nextActionValue <= coalesce($afterValue, 1.0e308)
  AND ($afterValue IS NULL OR c.nextActionValue < $afterValue OR c.customerId > $afterId)
RETURN c.customerId AS customerId, c.nextActionValue AS expectedValue
ORDER BY c.nextActionValue DESC, c.customerId
LIMIT $limit
