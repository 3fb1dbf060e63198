// Flags order lines whose amount (quantity x unitPrice x (1 - discount)) is extreme for their product: above
// Q3 + 3 x IQR of the product's completed lines (Tukey's "far out" fence), for products with at least
// $minLines such lines and a spread (IQR > 0). Flagged lines get anomaly = true and a reason; nothing is dropped.
// Parameters: $minLines. Returns: flagged, the number of lines flagged.
MATCH (p:Product)<-[l:CONTAINS]-(o:Order {status: 'completed'})
WITH p, l.quantity * l.unitPrice * (1 - l.discount) AS amount
WITH p, count(*) AS n, percentileCont(amount, 0.25) AS q1, percentileCont(amount, 0.75) AS q3
WHERE n >= $minLines AND q3 > q1
WITH p, q3 + 3 * (q3 - q1) AS fence
MATCH (p)<-[l:CONTAINS]-(o:Order {status: 'completed'})
WHERE l.quantity * l.unitPrice * (1 - l.discount) > fence
SET l.anomaly = true,
    l.anomalyReason = 'amount above ' + toString(round(fence, 2)) + ', the far-out fence (Q3 + 3 IQR) for this product'
RETURN count(l) AS flagged
