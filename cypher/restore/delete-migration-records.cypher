// Deletes the target's own schema migration records before a restore brings the archive's.
// Parameters: none.
MATCH (m:CustographMigration)
DETACH DELETE m
