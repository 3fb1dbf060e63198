// Every node with its labels and properties, for a backup (streamed, in one read transaction).
// Parameters: none.
MATCH (n)
RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties
