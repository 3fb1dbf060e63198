// The collation names are sorted by in this database (a BCP 47 language tag such as 'en' or 'sv'), as stored by the
// first process that opened it; no row before then.
// Parameters: none.
MATCH (s:CustographSetting {key: 'name-collation'})
RETURN s.value AS collation
