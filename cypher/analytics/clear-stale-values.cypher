// After a run has written its customers, removes the values an earlier run left on customers this run did not
// model (they have no purchase up to the new as-of date), so every value on the graph comes from one run.
// Parameters: $runId.
MATCH (c:Customer)
WHERE c.valueRunId IS NOT NULL AND c.valueRunId <> $runId
REMOVE c.recencyDays, c.frequency, c.monetary, c.tenureDays, c.avgOrderValue, c.rfmR, c.rfmF, c.rfmM,
       c.rfmScore, c.rfmSegment, c.pAlive, c.expectedPurchases, c.expectedAvgSpend, c.clv, c.chaf,
       c.purchaseDays, c.firstPurchase, c.lastPurchase, c.valueRunId, c.valueAsOf
RETURN count(c) AS cleared
