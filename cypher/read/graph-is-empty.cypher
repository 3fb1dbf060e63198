// Whether the database holds any customer, order or product yet (decides whether --demo loads its data).
// Parameters: none.
OPTIONAL MATCH (n) WHERE n:Customer OR n:Order OR n:Product
WITH n LIMIT 1
RETURN n IS NULL AS empty
