// Every relationship with its id, its type, its end nodes' ids and its properties, for a backup (same transaction
// as nodes.cypher, so the ids match).
// Parameters: none.
MATCH (a)-[r]->(b)
RETURN elementId(r) AS id, type(r) AS type, elementId(a) AS start, elementId(b) AS end, properties(r) AS properties
