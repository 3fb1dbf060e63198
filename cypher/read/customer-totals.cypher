// Each of a batch of customers' lifetime totals over its orders that were not cancelled: how many, the revenue (sum
// of order totals), the first and last order dates. A customer without orders has 0 and nulls.
// Parameters: $ids = [customerId]. Index: constraint customer_id.
UNWIND $ids AS id
MATCH (c:Customer {customerId: id})
OPTIONAL MATCH (c)-[:PLACED]->(o:Order)
WHERE coalesce(o.status, 'completed') <> 'cancelled'
RETURN id AS customerId, count(o) AS orders, round(coalesce(sum(o.total), 0.0), 2) AS revenue,
       min(o.orderDate) AS firstOrderDate, max(o.orderDate) AS lastOrderDate
