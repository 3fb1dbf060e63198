// Customers with a value written whose P(alive) is below $limit.
MATCH (c:Customer)
WHERE c.pAlive IS NOT NULL AND c.pAlive < $limit
RETURN c.customerId AS customerId, c.pAlive AS pAlive
