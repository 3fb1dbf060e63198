// Customers per RFM segment as the latest analytics run left them, with their revenue up to its as-of date.
// Parameters: none.
MATCH (c:Customer)
WHERE c.rfmSegment IS NOT NULL
RETURN c.rfmSegment AS segment, count(*) AS customers, round(sum(c.monetary), 2) AS revenue
ORDER BY customers DESC, segment
