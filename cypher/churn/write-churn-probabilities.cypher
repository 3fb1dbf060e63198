// Writes a churn run's probabilities onto customers: the chance that the customer makes no purchase in the
// $horizonDays after $asOf (the last order date), by the run's logistic regression.
// Parameters: $rows = [[customerId, probability]], $runId, $asOf (date), $horizonDays. Index: constraint customer_id.
UNWIND $rows AS row
MATCH (c:Customer {customerId: row[0]})
SET c.churnProbability = row[1], c.churnRunId = $runId, c.churnAsOf = $asOf, c.churnHorizonDays = $horizonDays
