// The ids of the $limit customers with the highest lifetime value of the latest analytics run, highest first
// (ties by id). The API loads the customers themselves through its cache.
// Parameters: $limit.
MATCH (c:Customer)
WHERE c.clv IS NOT NULL
RETURN c.customerId AS customerId
ORDER BY c.clv DESC, c.customerId
LIMIT $limit
