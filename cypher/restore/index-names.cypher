// The names of the indexes the target already has, so a restore
// creates only the missing ones; constraint-names.cypher gives the constraints.
// Parameters: none.
SHOW INDEXES YIELD name
RETURN name
