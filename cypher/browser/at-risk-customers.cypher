// The customers most likely to churn (from `custograph churn`), with what they are worth, so the ones to call first
// are at the top. Index: customer_churn_probability.
MATCH (c:Customer)
WHERE c.churnProbability >= 0.5
RETURN c.customerId AS customer, c.name AS name, round(c.churnProbability, 3) AS churnProbability,
       c.churnHorizonDays AS withinDays, c.monetary AS spentSoFar, c.clv AS clv, c.lastPurchase AS lastPurchase
ORDER BY churnProbability DESC, clv DESC
LIMIT 50
