// What placing an order needs to exist: the customer, the products (with their list prices), and whether the order
// id is free.
// Parameters: $customerId, $productIds, $orderId. Index: constraints customer_id, product_id, order_id.
OPTIONAL MATCH (c:Customer {customerId: $customerId})
OPTIONAL MATCH (taken:Order {orderId: $orderId})
CALL {
  UNWIND $productIds AS id
  MATCH (p:Product {productId: id})
  RETURN collect({productId: p.productId, price: p.price}) AS products
}
RETURN c IS NOT NULL AS customerExists, taken IS NOT NULL AS orderIdTaken, products
