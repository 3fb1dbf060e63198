// Drops the restore's look-up index.
// Parameters: none.
DROP INDEX custograph_restore_key IF EXISTS
