// Restores a batch of nodes with their labels and properties. Each is marked (:CustographRestoring
// {custographRestoreKey}) with its id in the archive, so relationships can find their end nodes; the marks are
// removed when the restore finishes (clear-marks.cypher).
// Parameters: $rows = [{key, labels, properties}]. Index: custograph_restore_key (created by the restore).
UNWIND $rows AS row
CREATE (n:CustographRestoring)
SET n = row.properties, n:$(row.labels), n.custographRestoreKey = row.key
