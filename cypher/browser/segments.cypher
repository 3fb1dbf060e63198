// The current customer segments (from `custograph segment`): size, share of revenue, suggested action and centroid.
// Show as a table, or as a bar chart of size by name.
MATCH (s:Segment {current: true})
RETURN s.name AS segment, s.size AS customers, round(100 * s.revenueShare, 1) AS revenuePercent, s.action AS action,
       s.features AS features, [v IN s.centroid | round(v, 2)] AS centroid
ORDER BY customers DESC
