// Waits (up to 10 minutes) until every index is online, so the restore's look-ups use them.
// Parameters: none.
CALL db.awaitIndexes(600)
