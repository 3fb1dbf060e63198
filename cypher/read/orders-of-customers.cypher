// The orders of several customers at once (batched: one query for a whole page of customers), oldest first.
// Parameters: $ids = [customerId]. Index: constraint customer_id.
UNWIND $ids AS id
MATCH (:Customer {customerId: id})-[:PLACED]->(o:Order)
RETURN o, id AS customerId
ORDER BY o.orderDate, o.orderId
