// The constraints, each with the statement that creates it, for a backup's schema.
// Parameters: none.
SHOW CONSTRAINTS YIELD name, createStatement
RETURN name, createStatement
ORDER BY name
