// The customers most likely to churn (from `custograph churn`), with what they are worth, so the ones to call first
// are at the top: those whose churn probability is at least $minProbability, as the API's atRiskCustomers takes it.
// Parameters: $minProbability (in Neo4j Browser, e.g. :param minProbability => 0.3; the API's default is 0.5). A
// fixed 0.5 showed nothing where no customer reaches it (on Northwind the highest risk is 0.395).
// Index: customer_churn_probability.
MATCH (c:Customer)
WHERE c.churnProbability >= $minProbability
RETURN c.customerId AS customer, c.name AS name, round(c.churnProbability, 3) AS churnProbability,
       c.churnHorizonDays AS withinDays, c.monetary AS spentSoFar, c.clv AS clv, c.lastPurchase AS lastPurchase
ORDER BY churnProbability DESC, clv DESC
LIMIT 50
