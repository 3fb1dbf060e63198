// The database's name and version, for a backup's manifest.
// Parameters: none.
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions[0] AS version, edition
