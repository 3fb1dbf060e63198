// The customers that ids of one source already resolve to: what an order event needs when its customer's identity
// exists, read without touching the identity (an order says nothing of the person's email or phone).
// Parameters: $source, $externalIds. Index: constraint identity_key, named so that a plan made while the store had
// no identities (a stream's first batch) does not scan every identity for each id once there are many.
UNWIND $externalIds AS id
MATCH (i:Identity {source: $source, externalId: id})-[:IDENTIFIES]->(c:Customer)
USING INDEX SEEK i:Identity(source, externalId)
RETURN id, c.customerId AS customerId
