// The page before a cursor of next-best-actions-page (`last`/`before`): customers just above ($beforeValue,
// $beforeId) in that order, nearest first, so lowest expected value first; the API turns them round. Both null for
// the last page of all. All or those given $action.
// Parameters: $action (null for all), $beforeValue, $beforeId, $limit. Index: customer_next_action(_value).
MATCH (c:Customer)
WHERE c.nextActionValue IS NOT NULL AND ($action IS NULL OR c.nextAction = $action)
  AND c.nextActionValue >= coalesce($beforeValue, -1.0e308)
  AND ($beforeValue IS NULL OR c.nextActionValue > $beforeValue OR c.customerId < $beforeId)
RETURN c.customerId AS customerId, c.nextActionValue AS expectedValue
ORDER BY c.nextActionValue, c.customerId DESC
LIMIT $limit
