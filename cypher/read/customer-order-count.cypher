// How many orders a customer placed, for Customer.orderHistory's totalCount.
// Parameters: $customerId. Index: constraint customer_id.
MATCH (:Customer {customerId: $customerId})-[:PLACED]->(o:Order)
RETURN count(o) AS orders
