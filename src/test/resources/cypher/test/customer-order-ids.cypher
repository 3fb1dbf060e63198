// Test-only: the ids of one customer's orders, in id order.
// Parameters: $customerId.
MATCH (:Customer {customerId: $customerId})-[:PLACED]->(o:Order)
RETURN collect(o.orderId) AS ids
