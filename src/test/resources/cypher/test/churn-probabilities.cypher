// Test-only: every customer's stored churn probability (null when not scored).
MATCH (c:Customer)
RETURN c.customerId AS customerId, c.churnProbability AS probability, c.churnHorizonDays AS horizonDays
