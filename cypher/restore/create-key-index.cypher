// The index restored relationships find their end nodes by; dropped when the restore finishes.
// Parameters: none.
CREATE INDEX custograph_restore_key IF NOT EXISTS FOR (n:CustographRestoring) ON (n.custographRestoreKey)
