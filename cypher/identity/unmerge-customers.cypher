// Undoes one merge: the (:MergedCustomer) becomes a (:Customer) again; the identities the merge moved go back to
// it with their former primary flags; the orders placed through those identities go back too (an order keeps the
// source and source customer id it arrived with, so orders that came in through them after the merge follow);
// the survivor's properties become $survivorProperties (the fields the merge filled are cleared unless changed
// since; computed by CustomerMerges). The log entry stays, marked undone.
// Parameters: $survivorId, $mergeId, $survivorProperties, $at,
//             $identities = [{source, externalId, primary}].
// Index: constraint customer_id.
MATCH (s:Customer {customerId: $survivorId})-[log:MERGED {mergeId: $mergeId}]->(m:MergedCustomer)
REMOVE m:MergedCustomer
SET m:Customer, log.undoneAt = $at, s = $survivorProperties
WITH s, m
CALL (s, m) {
  UNWIND $identities AS moved
  MATCH (i:Identity {source: moved.source, externalId: moved.externalId})-[link:IDENTIFIES]->(s)
  DELETE link
  CREATE (i)-[:IDENTIFIES {primary: moved.primary}]->(m)
}
CALL (s, m) {
  MATCH (s)-[placed:PLACED]->(o:Order)
  WHERE any(moved IN $identities WHERE moved.source = o.source AND moved.externalId = o.sourceCustomerId)
  DELETE placed
  CREATE (m)-[:PLACED]->(o)
}
RETURN COUNT { (m)-[:PLACED]->(:Order) } AS ordersMoved
