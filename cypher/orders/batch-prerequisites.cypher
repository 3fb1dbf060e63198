// What placing a batch of orders needs to exist (orders/order-prerequisites, for many orders): which of the
// customers exist, the products with their list prices, and which of the order ids are taken.
// Parameters: $customerIds, $productIds, $orderIds. Index: constraints customer_id, product_id, order_id.
CALL {
  UNWIND $customerIds AS id
  MATCH (c:Customer {customerId: id})
  RETURN collect(c.customerId) AS customers
}
CALL {
  UNWIND $productIds AS id
  MATCH (p:Product {productId: id})
  RETURN collect({productId: p.productId, price: p.price}) AS products
}
CALL {
  UNWIND $orderIds AS id
  MATCH (o:Order {orderId: id})
  RETURN collect(o.orderId) AS taken
}
RETURN customers, products, taken
