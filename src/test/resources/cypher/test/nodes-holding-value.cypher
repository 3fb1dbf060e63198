// Test: how many nodes and relationships hold this exact value in any property (to prove an erasure left no copy).
// Parameters: $value.
CALL () {
  MATCH (n) WHERE any(key IN keys(n) WHERE n[key] = $value) RETURN count(n) AS nodes
}
CALL () {
  MATCH ()-[r]->() WHERE any(key IN keys(r) WHERE r[key] = $value) RETURN count(r) AS relationships
}
RETURN nodes + relationships AS holders
