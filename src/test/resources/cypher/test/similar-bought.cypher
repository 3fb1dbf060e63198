// Test-only: 1 when the customer has a SIMILAR customer who bought the product on an order that was not cancelled.
// Parameters: $customerId, $otherId, $productId.
RETURN CASE WHEN EXISTS {
  MATCH (:Customer {customerId: $customerId})-[:SIMILAR]->(:Customer {customerId: $otherId})
        -[:PLACED]->(o:Order)-[:CONTAINS]->(:Product {productId: $productId})
  WHERE coalesce(o.status, 'completed') <> 'cancelled'
} THEN 1 ELSE 0 END AS found
