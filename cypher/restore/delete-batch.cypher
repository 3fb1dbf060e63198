// Deletes a batch of nodes with their relationships: how a failed restore empties the target again (it was empty
// before, apart from migration records). Run until it returns 0.
// Parameters: $limit.
MATCH (n)
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
