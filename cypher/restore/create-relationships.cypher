// Restores a batch of relationships between restored nodes, found by their archive ids, and says how many it made
// (fewer than the rows means an end node is missing: the archive is inconsistent).
// Parameters: $rows = [{type, start, end, properties}]. Index: custograph_restore_key.
UNWIND $rows AS row
MATCH (a:CustographRestoring {custographRestoreKey: row.start})
MATCH (b:CustographRestoring {custographRestoreKey: row.end})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.properties
RETURN count(r) AS created
