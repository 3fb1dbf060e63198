// The latest churn run over all scored customers (`custograph churn`): how many were scored, how many are at or
// above $threshold, and the mean probability (the expected churn rate over the horizon).
// Parameters: $threshold. Index: customer_churn_probability.
MATCH (c:Customer)
WHERE c.churnProbability IS NOT NULL
RETURN count(c) AS scored, sum(CASE WHEN c.churnProbability >= $threshold THEN 1 ELSE 0 END) AS atRisk,
       avg(c.churnProbability) AS meanProbability, max(c.churnHorizonDays) AS horizonDays
