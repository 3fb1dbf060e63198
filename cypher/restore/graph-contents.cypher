// What a restore target already holds, other than the bookkeeping every start writes (schema migration records and
// the shared change counter): a restore goes only into a database where this is 0.
// Parameters: none.
MATCH (n)
WHERE NOT n:CustographMigration AND NOT n:CacheEpoch
RETURN count(n) AS nodes
