// How many customers have a next best action, all or $action only.
// Parameters: $action (null for all).
MATCH (c:Customer)
WHERE c.nextActionValue IS NOT NULL AND ($action IS NULL OR c.nextAction = $action)
RETURN count(c) AS count
