// What a restore target already holds, other than the schema migration records every start writes: a restore goes
// only into a database where this is 0.
// Parameters: none.
MATCH (n)
WHERE NOT n:CustographMigration
RETURN count(n) AS nodes
