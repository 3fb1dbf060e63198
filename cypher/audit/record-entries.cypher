// Appends entries to the audit log: who read or changed personal data, when, and through what.
// Parameters: $entries = [{entryId, at (datetime), actor (key name), role, action, customerIds, fields, detail}].
// Index: constraint audit_entry_id.
UNWIND $entries AS entry
CREATE (e:AuditEntry)
SET e = entry
