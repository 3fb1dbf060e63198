// An even sample of at most $limit analysed customers, for scatter plots: every k-th customer by id, so the same
// graph always gives the same sample. Per customer: the value figures of the latest run, churn probability, and the
// current K-Means segment.
// Parameters: $limit.
MATCH (c:Customer)
WHERE c.valueRunId IS NOT NULL
WITH c ORDER BY c.customerId
WITH collect(c) AS customers
WITH customers, toInteger(ceil(toFloat(size(customers)) / $limit)) AS step
UNWIND range(0, size(customers) - 1, CASE WHEN step < 1 THEN 1 ELSE step END) AS i
WITH customers[i] AS c
OPTIONAL MATCH (c)-[:IN_SEGMENT]->(s:Segment {current: true})
RETURN c.customerId AS customerId, s.segmentId AS segmentId, s.name AS segmentName, c.recencyDays AS recencyDays,
       c.frequency AS frequency, c.monetary AS monetary, c.tenureDays AS tenureDays,
       c.avgOrderValue AS averageOrderValue, c.clv AS clv, c.pAlive AS pAlive,
       c.churnProbability AS churnProbability
