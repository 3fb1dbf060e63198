// Test-only: empties the graph between tests (schema and migration records are kept).
// Parameters: none.
MATCH (n) WHERE NOT n:CustographMigration
DETACH DELETE n
