// Tests: every product on the customer's orders, whatever their status.
// Parameters: $customerId.
MATCH (:Customer {customerId: $customerId})-[:PLACED]->(:Order)-[:CONTAINS]->(p:Product)
RETURN DISTINCT p.productId AS productId
