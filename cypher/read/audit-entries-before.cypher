// The page before a cursor of audit-entries (`last`/`before`): the entries just newer than the entry $before,
// nearest (oldest) first; the API turns them round. With $before null, the oldest entries. About one customer (or
// all when $customerId is null), by one actor (or any when $actor is null).
// Parameters: $customerId, $actor, $before, $limit. Index: audit_entry_at.
OPTIONAL MATCH (cursor:AuditEntry {entryId: $before})
WITH cursor
MATCH (e:AuditEntry)
WHERE ($customerId IS NULL OR $customerId IN e.customerIds)
  AND ($actor IS NULL OR e.actor = $actor)
  AND e.at >= coalesce(cursor.at, datetime('-999999999-01-01T00:00:00Z'))
  AND (cursor IS NULL OR e.at > cursor.at OR e.entryId > cursor.entryId)
RETURN e.entryId AS entryId, e.at AS at, e.actor AS actor, e.role AS role, e.action AS action,
       e.customerIds AS customerIds, e.fields AS fields, e.detail AS detail
ORDER BY e.at, e.entryId
LIMIT $limit
