// Deletes the target's own bookkeeping before a restore brings the archive's: its schema migration records, the
// change counter app instances share (cypher/cache/) and its settings (the collation of the names' sort keys, which
// must be the one the archive's keys were made with; an archive from before keys gets its names keyed on next open).
// Parameters: none.
MATCH (m)
WHERE m:CustographMigration OR m:CacheEpoch OR m:CustographSetting
DETACH DELETE m
