// A customer's materialised similar customers (SIMILAR, from `custograph similar --all`), best first.
// Parameters: $customerId, $k. Index: constraint customer_id.
MATCH (:Customer {customerId: $customerId})-[s:SIMILAR]->(other:Customer)
RETURN other.customerId AS customerId, other.name AS name, s.score AS score, s.shared AS shared
ORDER BY s.rank
LIMIT $k
