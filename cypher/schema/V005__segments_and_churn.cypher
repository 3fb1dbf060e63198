// Segmentation and churn: each K-Means segment is a (:Segment {segmentId}) its customers are IN_SEGMENT of; the
// churn model writes c.churnProbability, which "at-risk customers" reads highest first.
CREATE CONSTRAINT segment_id IF NOT EXISTS FOR (s:Segment) REQUIRE s.segmentId IS UNIQUE;
CREATE INDEX customer_churn_probability IF NOT EXISTS FOR (c:Customer) ON (c.churnProbability);
