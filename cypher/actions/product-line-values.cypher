// What an order line of each product brings on average (price x quantity, after discount), over non-cancelled
// orders: the worth of a cross-sell that lands.
// Parameters: $ids (product ids). Index: constraint product_id.
UNWIND $ids AS id
MATCH (p:Product {productId: id})<-[l:CONTAINS]-(o:Order)
WHERE coalesce(o.status, 'completed') <> 'cancelled'
RETURN id AS productId, avg(l.unitPrice * l.quantity * (1 - l.discount)) AS lineValue
