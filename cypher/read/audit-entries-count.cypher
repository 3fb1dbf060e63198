// How many audit entries there are about one customer (or all when $customerId is null), by one actor (or any when
// $actor is null): the auditLog connection's totalCount.
// Parameters: $customerId, $actor.
MATCH (e:AuditEntry)
WHERE ($customerId IS NULL OR $customerId IN e.customerIds)
  AND ($actor IS NULL OR e.actor = $actor)
RETURN count(e) AS entries
