// Switches to a finished segmentation run in one small transaction: its segments become current and the previous
// run's stop being so. Readers follow only current segments, so they see the old assignment or the new one, never a
// mix. Parameters: $runId.
MATCH (s:Segment)
SET s.current = (s.runId = $runId)
RETURN count(s) AS segments
