// The Spark job's write of a churn run's probabilities onto customers, the properties
// cypher/churn/write-churn-probabilities sets: the chance that the customer makes no purchase in the horizonDays after
// asOf (the last order date). One row (event) per customer.
// Parameters: event = {customerId, probability, runId, asOf, horizonDays}. Index: constraint customer_id.
MATCH (c:Customer {customerId: event.customerId})
SET c.churnProbability = event.probability, c.churnRunId = event.runId, c.churnAsOf = event.asOf,
    c.churnHorizonDays = event.horizonDays
