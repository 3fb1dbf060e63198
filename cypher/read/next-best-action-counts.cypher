// Customers per next best action of the latest actions run, with their summed expected value and uplift, most
// customers first.
// Parameters: none. Index: none (reads every customer with an action).
MATCH (c:Customer)
WHERE c.nextAction IS NOT NULL
RETURN c.nextAction AS action, c.nextActionLabel AS label, count(c) AS customers,
       sum(c.nextActionValue) AS expectedValue, sum(c.nextActionUplift) AS uplift
ORDER BY customers DESC, action
