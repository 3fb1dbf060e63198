// Which schema migrations this database has had, with the checksum of the file as it was applied.
// Parameters: none. Index: constraint migration_version.
MATCH (m:CustographMigration)
RETURN m.version AS version, m.checksum AS checksum
ORDER BY version
