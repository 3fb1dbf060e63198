// The figures a customer's next best action weighs, for a page of the customers the latest value run analysed
// (`custograph analyze`): value and RFM, the churn probability (`custograph churn`), the current K-Means segment
// (`custograph segment`), the birth date and the day they registered. In customer id order, from after $after.
// Parameters: $after (customer id, '' for the first page), $limit. Index: constraint customer_id.
MATCH (c:Customer)
WHERE c.customerId > $after AND c.valueRunId IS NOT NULL
WITH c
ORDER BY c.customerId
LIMIT $limit
OPTIONAL MATCH (c)-[:IN_SEGMENT]->(s:Segment {current: true})
RETURN c.customerId AS customerId, c.recencyDays AS recencyDays, c.frequency AS frequency,
       c.monetary AS monetary, c.tenureDays AS tenureDays, c.avgOrderValue AS avgOrderValue, c.clv AS clv,
       c.pAlive AS pAlive, c.churnProbability AS churnProbability, c.churnHorizonDays AS churnHorizonDays,
       c.rfmSegment AS rfmSegment, s.name AS segmentName, s.action AS segmentAction, c.birthDate AS birthDate,
       c.registeredAt AS registeredAt
