// For analysts in Neo4j Browser: customers per RFM segment (from the latest `analyze` run), with their revenue
// and average predicted lifetime value. Switch the result view to a bar chart.
// Parameters: none.
MATCH (c:Customer)
WHERE c.rfmSegment IS NOT NULL
RETURN c.rfmSegment AS segment, count(*) AS customers, round(sum(c.monetary), 2) AS revenue,
       round(avg(c.clv), 2) AS averageClv
ORDER BY customers DESC
