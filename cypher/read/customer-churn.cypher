// The churn probability stored on each of a batch of customers (see churn/write-churn-probabilities); customers
// never scored are left out.
// Parameters: $ids. Index: constraint customer_id.
UNWIND $ids AS id
MATCH (c:Customer {customerId: id})
WHERE c.churnProbability IS NOT NULL
RETURN id AS customerId, c.churnProbability AS probability, c.churnHorizonDays AS horizonDays,
       c.churnAsOf AS asOf, c.churnRunId AS runId
