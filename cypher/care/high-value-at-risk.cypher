// Customer care: valuable customers likely to be lost, most valuable first. Valuable: CLV at or above the
// $valueQuantile quantile of all customers' CLV (`custograph analyze`). At risk: churn probability at least
// $minRisk (`custograph churn`), or, for a customer without one, P(alive) at most 1 - $minRisk.
// Parameters: $valueQuantile (0-1), $minRisk (0-1), $limit. Index: none (reads every valued customer).
CALL () {
  MATCH (c:Customer) WHERE c.clv IS NOT NULL
  RETURN percentileCont(c.clv, $valueQuantile) AS threshold
}
MATCH (c:Customer)
WHERE c.clv >= threshold
  AND (c.churnProbability >= $minRisk OR (c.churnProbability IS NULL AND c.pAlive <= 1 - $minRisk))
RETURN c.customerId AS customerId, null AS date, null AS years,
       c.clv AS clv, c.churnProbability AS churnProbability, c.pAlive AS pAlive
ORDER BY clv DESC, customerId
LIMIT $limit
