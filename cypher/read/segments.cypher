// The current segments, largest first.
// Parameters: none.
MATCH (s:Segment {current: true})
RETURN s.segmentId AS segmentId, s.name AS name, s.action AS action, s.size AS size, s.revenueShare AS revenueShare,
       s.features AS features, s.centroid AS centroid, s.model AS model, s.runId AS runId, s.asOf AS asOf
ORDER BY s.size DESC, s.segmentId
