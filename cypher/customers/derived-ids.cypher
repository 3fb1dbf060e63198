// The ids of a customer's orders and order lines, which an erasure checks for the customer's own id (the demo's
// order C00003-001 of customer C00003, CDNOW's CDNOW-<customer>-<date>-1).
// Parameters: $customerId. Index: constraint customer_id.
MATCH (:Customer {customerId: $customerId})-[:PLACED]->(o:Order)
OPTIONAL MATCH (o)-[l:CONTAINS]->()
RETURN o.orderId AS orderId, collect(l.lineId) AS lineIds
