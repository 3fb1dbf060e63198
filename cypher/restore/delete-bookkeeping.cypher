// Deletes the target's own bookkeeping before a restore brings the archive's: its schema migration records and the
// change counter app instances share (cypher/cache/).
// Parameters: none.
MATCH (m)
WHERE m:CustographMigration OR m:CacheEpoch
DETACH DELETE m
