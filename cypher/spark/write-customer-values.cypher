// The Spark job's write of a value run onto its customers: the properties cypher/analytics/write-customer-values
// sets, from one row (event) per customer, which the connector sends in batches ($events). A value the models could
// not compute is null, which removes the property. Each customer is in one row, so partitions writing at once never
// wait on each other's locks.
// Parameters: event = {customerId, recencyDays, frequency, monetary, tenureDays, avgOrderValue, rfmR, rfmF, rfmM,
//             rfmScore, rfmSegment, pAlive, expectedPurchases, expectedAvgSpend, clv, chaf, purchaseDays,
//             firstPurchase, lastPurchase, runId, asOf}. Index: constraint customer_id.
MATCH (c:Customer {customerId: event.customerId})
SET c.recencyDays = event.recencyDays, c.frequency = event.frequency, c.monetary = event.monetary,
    c.tenureDays = event.tenureDays, c.avgOrderValue = event.avgOrderValue, c.rfmR = event.rfmR,
    c.rfmF = event.rfmF, c.rfmM = event.rfmM, c.rfmScore = event.rfmScore, c.rfmSegment = event.rfmSegment,
    c.pAlive = event.pAlive, c.expectedPurchases = event.expectedPurchases,
    c.expectedAvgSpend = event.expectedAvgSpend, c.clv = event.clv, c.chaf = event.chaf,
    c.purchaseDays = event.purchaseDays, c.firstPurchase = event.firstPurchase, c.lastPurchase = event.lastPurchase,
    c.valueRunId = event.runId, c.valueAsOf = event.asOf
