// Test: customers with the dates and values the care lists are drawn from.
// Parameters: $rows = [{id, birthDate, registeredAt, clv, churn, pAlive}].
UNWIND $rows AS row
CREATE (c:Customer {customerId: row.id})
SET c.birthDate = row.birthDate, c.registeredAt = row.registeredAt, c.clv = row.clv,
    c.churnProbability = row.churn, c.pAlive = row.pAlive
