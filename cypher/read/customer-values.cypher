// The latest analytics results stored on customers (see analytics/write-customer-values), for many ids at once.
// Customers never analysed (no valueRunId) are left out.
// Parameters: $ids. Index: constraint customer_id.
UNWIND $ids AS id
MATCH (c:Customer {customerId: id})
WHERE c.valueRunId IS NOT NULL
RETURN c.customerId AS customerId, c.valueRunId AS runId, c.valueAsOf AS asOf, c.recencyDays AS recencyDays,
       c.frequency AS frequency, c.monetary AS monetary, c.rfmR AS r, c.rfmF AS f, c.rfmM AS m,
       c.rfmScore AS rfmScore, c.rfmSegment AS rfmSegment, c.pAlive AS pAlive,
       c.expectedPurchases AS expectedPurchases, c.expectedAvgSpend AS expectedAvgSpend, c.clv AS clv,
       c.chaf AS chaf, c.purchaseDays AS purchaseDays, c.firstPurchase AS firstPurchase,
       c.lastPurchase AS lastPurchase
