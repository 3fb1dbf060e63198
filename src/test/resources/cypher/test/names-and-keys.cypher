// Every customer's and product's name with its sort key, for the invariant that each name is keyed (NameOrder).
// Parameters: none.
MATCH (n)
WHERE n:Customer OR n:Product OR n:MergedCustomer
RETURN labels(n)[0] + ' ' + coalesce(n.customerId, n.productId) AS node, n.name AS name, n.nameKey AS nameKey
