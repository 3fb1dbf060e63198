// What the value and churn runs left on each analysed customer, for tests that reckon decisions by hand.
MATCH (c:Customer) WHERE c.valueRunId IS NOT NULL
RETURN c.customerId AS customerId, c.monetary AS monetary, c.tenureDays AS tenureDays,
       c.churnProbability AS churnProbability, c.pAlive AS pAlive
