// Records that a schema migration was applied.
// Parameters: $version (integer), $description, $checksum (SHA-256 of the file). Index: constraint migration_version.
MERGE (m:CustographMigration {version: $version})
SET m.description = $description, m.checksum = $checksum, m.appliedAt = datetime()
