// The identities of several customers at once (batched for Customer.identities): each source's id, email and phone
// that resolve to the customer, primary first.
// Parameters: $ids = [customerId]. Indexes: constraints customer_id, identity_key.
UNWIND $ids AS id
MATCH (i:Identity)-[link:IDENTIFIES]->(:Customer {customerId: id})
RETURN id AS customerId, i.source AS source, i.externalId AS externalId, i.email AS email, i.phone AS phone,
       coalesce(link.primary, false) AS primary
ORDER BY customerId, primary DESC, source, externalId
