// Customers by churn probability, highest first, from $minProbability up.
// Parameters: $minProbability, $limit. Index: customer_churn_probability.
MATCH (c:Customer)
WHERE c.churnProbability >= $minProbability
RETURN c.customerId AS customerId
ORDER BY c.churnProbability DESC, c.customerId
LIMIT $limit
