// Deletes the segments that are not current once their memberships are gone (see delete-old-memberships).
// Parameters: none.
MATCH (s:Segment)
WHERE s.current <> true AND NOT (s)<-[:IN_SEGMENT]-()
DELETE s
RETURN count(*) AS deleted
