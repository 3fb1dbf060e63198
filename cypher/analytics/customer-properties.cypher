// Chosen properties of a page of customers, in the order asked, as features for segmentation and churn. A missing
// property is null.
// Parameters: $ids (customer ids), $names (property names). Index: constraint customer_id.
UNWIND $ids AS id
MATCH (c:Customer {customerId: id})
RETURN id AS customerId, [name IN $names | c[name]] AS values
