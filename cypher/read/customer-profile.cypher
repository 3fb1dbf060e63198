// Everything a customer's page shows about the customer itself, in one read for its first view: the customer, its
// lifetime totals (as read/customer-totals), its value and churn risk (as read/customer-values and
// read/customer-churn; null when never analysed or scored) and its current segment. The API keeps each part in the
// cache the separate reads fill. Several customers at once when one request asks for several (aliases).
// Parameters: $ids. Index: constraint customer_id.
UNWIND $ids AS id
MATCH (c:Customer {customerId: id})
CALL (c) {
  OPTIONAL MATCH (c)-[:PLACED]->(o:Order)
  WHERE coalesce(o.status, 'completed') <> 'cancelled'
  RETURN count(o) AS orders, round(coalesce(sum(o.total), 0.0), 2) AS revenue,
         min(o.orderDate) AS firstOrderDate, max(o.orderDate) AS lastOrderDate
}
OPTIONAL MATCH (c)-[:IN_SEGMENT]->(s:Segment {current: true})
RETURN c, id AS customerId, orders, revenue, firstOrderDate, lastOrderDate, s.segmentId AS segmentId,
       CASE WHEN c.valueRunId IS NULL THEN null ELSE {
         customerId: c.customerId, runId: c.valueRunId, asOf: c.valueAsOf, recencyDays: c.recencyDays,
         frequency: c.frequency, monetary: c.monetary, r: c.rfmR, f: c.rfmF, m: c.rfmM, rfmScore: c.rfmScore,
         rfmSegment: c.rfmSegment, pAlive: c.pAlive, expectedPurchases: c.expectedPurchases,
         expectedAvgSpend: c.expectedAvgSpend, clv: c.clv, chaf: c.chaf, purchaseDays: c.purchaseDays,
         firstPurchase: c.firstPurchase, lastPurchase: c.lastPurchase} END AS value,
       CASE WHEN c.churnProbability IS NULL THEN null ELSE {
         customerId: c.customerId, probability: c.churnProbability, horizonDays: c.churnHorizonDays,
         asOf: c.churnAsOf, runId: c.churnRunId} END AS churn
