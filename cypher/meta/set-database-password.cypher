// Sets the password of the embedded database's user (run on the system database by the embedded server at start,
// when the password in the data directory or the one the operator chose differs from the stored one).
// Parameters: $password. Index: none (system database).
ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED
