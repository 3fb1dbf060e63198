// The indexes that no constraint owns (those come with their constraint) and that are not the built-in token
// lookups, each with the statement that creates it, for a backup's schema.
// Parameters: none.
SHOW INDEXES YIELD name, type, owningConstraint, createStatement
WHERE owningConstraint IS NULL AND type <> 'LOOKUP'
RETURN name, createStatement
ORDER BY name
