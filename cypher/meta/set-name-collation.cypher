// Records the collation names are sorted by (see name-collation), once every name's key was computed with it.
// Parameters: $collation.
MERGE (s:CustographSetting {key: 'name-collation'})
SET s.value = $collation
