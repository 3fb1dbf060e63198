// Flags orders whose total is extreme for their customer: above Q3 + 3 x IQR of the customer's completed order
// totals, for customers with at least $minOrders completed orders and a spread (IQR > 0).
// Parameters: $minOrders. Returns: flagged, the number of orders flagged.
MATCH (c:Customer)-[:PLACED]->(o:Order {status: 'completed'})
WITH c, count(o) AS n, percentileCont(o.total, 0.25) AS q1, percentileCont(o.total, 0.75) AS q3
WHERE n >= $minOrders AND q3 > q1
WITH c, q3 + 3 * (q3 - q1) AS fence
MATCH (c)-[:PLACED]->(o:Order {status: 'completed'})
WHERE o.total > fence
SET o.anomaly = true,
    o.anomalyReason = 'total above ' + toString(round(fence, 2)) + ', the far-out fence (Q3 + 3 IQR) for this customer'
RETURN count(o) AS flagged
