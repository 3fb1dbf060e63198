// The audit log, newest first: entries about one customer (or all when $customerId is null), by one actor (or any
// when $actor is null), older than the entry $after (a cursor; null for the first page).
// Walking backward reads audit-entries-before.
// Parameters: $customerId, $actor, $after, $limit. Index: audit_entry_at.
OPTIONAL MATCH (cursor:AuditEntry {entryId: $after})
WITH cursor
MATCH (e:AuditEntry)
WHERE ($customerId IS NULL OR $customerId IN e.customerIds)
  AND ($actor IS NULL OR e.actor = $actor)
  AND e.at <= coalesce(cursor.at, datetime('+999999999-12-31T23:59:59.999999999Z'))
  AND (cursor IS NULL OR e.at < cursor.at OR e.entryId < cursor.entryId)
RETURN e.entryId AS entryId, e.at AS at, e.actor AS actor, e.role AS role, e.action AS action,
       e.customerIds AS customerIds, e.fields AS fields, e.detail AS detail
ORDER BY e.at DESC, e.entryId DESC
LIMIT $limit
