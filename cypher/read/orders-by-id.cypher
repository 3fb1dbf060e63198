// Orders by id, with the id of the customer who placed each (null for an anonymous order).
// Parameters: $ids = [orderId]. Index: constraint order_id.
UNWIND $ids AS id
MATCH (o:Order {orderId: id})
OPTIONAL MATCH (c:Customer)-[:PLACED]->(o)
RETURN o, c.customerId AS customerId
