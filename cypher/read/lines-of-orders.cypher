// The lines of several orders at once (batched), in line id order.
// Parameters: $ids = [orderId]. Index: constraint order_id.
UNWIND $ids AS id
MATCH (:Order {orderId: id})-[l:CONTAINS]->(p:Product)
RETURN id AS orderId, l, p.productId AS productId
ORDER BY orderId, l.lineId
