// The names of the constraints the target already has, so a restore creates only the missing ones.
// Parameters: none.
SHOW CONSTRAINTS YIELD name
RETURN name
