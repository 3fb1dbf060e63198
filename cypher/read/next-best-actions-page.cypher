// Customers by their next best action's expected value, highest first (ties by id), all or those given $action;
// a page after the cursor ($afterValue, $afterId), both null for the first page.
// Parameters: $action (null for all), $afterValue, $afterId, $limit. Index: customer_next_action(_value).
MATCH (c:Customer)
WHERE c.nextActionValue IS NOT NULL AND ($action IS NULL OR c.nextAction = $action)
  AND ($afterValue IS NULL OR c.nextActionValue < $afterValue
       OR (c.nextActionValue = $afterValue AND c.customerId > $afterId))
RETURN c.customerId AS customerId, c.nextActionValue AS expectedValue
ORDER BY c.nextActionValue DESC, c.customerId
LIMIT $limit
