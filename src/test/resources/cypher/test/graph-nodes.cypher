// Test-only: every node with its labels and properties (not the migration log, which records when it ran), to
// compare two graphs node for node.
// Parameters: none.
MATCH (n)
WHERE NOT n:CustographMigration
RETURN labels(n) AS labels, properties(n) AS properties
