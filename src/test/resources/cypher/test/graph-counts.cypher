// Test-only: how many nodes per label and relationships per type the graph holds, and the revenue over all lines.
// Parameters: none.
CALL {
  MATCH (n) UNWIND labels(n) AS label RETURN collect(label) AS labels
}
CALL {
  MATCH ()-[r]->() RETURN collect(type(r)) AS types
}
CALL {
  MATCH (:Order)-[l:CONTAINS]->(:Product) RETURN sum(l.unitPrice * l.quantity * (1 - l.discount)) AS revenue
}
RETURN labels, types, revenue
