// What a restore target already holds, other than the bookkeeping every start writes (schema migration records, the
// shared change counter and the collation names are sorted by): a restore goes only into a database where this is 0.
// Parameters: none.
MATCH (n)
WHERE NOT n:CustographMigration AND NOT n:CacheEpoch AND NOT n:CustographSetting
RETURN count(n) AS nodes
