// The customers that ids of one source already resolve to: what an order event needs when its customer's identity
// exists, read without touching the identity (an order says nothing of the person's email or phone).
// Parameters: $source, $externalIds. Index: constraint identity_key.
UNWIND $externalIds AS id
MATCH (:Identity {source: $source, externalId: id})-[:IDENTIFIES]->(c:Customer)
RETURN id, c.customerId AS customerId
