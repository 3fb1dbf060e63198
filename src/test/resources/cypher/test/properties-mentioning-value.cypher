// Test: how many nodes and relationships mention this value anywhere in a property: a string holding it (an order id
// built from a customer id), or a list with a string holding it (an audit entry's customer ids).
// Parameters: $value.
CALL () {
  MATCH (n)
  WHERE any(key IN keys(n) WHERE (n[key] IS :: STRING AND n[key] CONTAINS $value)
        OR (n[key] IS :: LIST<ANY> AND any(x IN n[key] WHERE x IS :: STRING AND x CONTAINS $value)))
  RETURN count(n) AS nodes
}
CALL () {
  MATCH ()-[r]->()
  WHERE any(key IN keys(r) WHERE (r[key] IS :: STRING AND r[key] CONTAINS $value)
        OR (r[key] IS :: LIST<ANY> AND any(x IN r[key] WHERE x IS :: STRING AND x CONTAINS $value)))
  RETURN count(r) AS relationships
}
RETURN nodes + relationships AS holders
