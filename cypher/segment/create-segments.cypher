// Creates a segmentation run's segments, not yet current (nobody reads them until make-current switches runs).
// Parameters: $segments = [{segmentId, runId, model, name, action, size, revenueShare, features, centroid, asOf,
//             createdAt, centroid<Feature>...}].
UNWIND $segments AS segment
CREATE (s:Segment)
SET s = segment, s.current = false
