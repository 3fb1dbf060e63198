// Sets the sort keys computed for a page of names-to-key.
// Parameters: $rows = [{nodeId, nameKey}].
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row.nodeId
SET n.nameKey = row.nameKey
