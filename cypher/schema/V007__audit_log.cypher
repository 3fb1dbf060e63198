// The audit log: entries are appended with a unique id and read newest first.
CREATE CONSTRAINT audit_entry_id IF NOT EXISTS FOR (e:AuditEntry) REQUIRE e.entryId IS UNIQUE;
CREATE INDEX audit_entry_at IF NOT EXISTS FOR (e:AuditEntry) ON (e.at);
