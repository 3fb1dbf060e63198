// How many nodes and relationships the graph holds: read again at the end of a backup to notice a graph that
// changed while it was being read.
// Parameters: none.
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
