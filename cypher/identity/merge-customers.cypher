// Merges one customer into another in one transaction:
//  - the merged customer's identities move to the survivor (as non-primary: the survivor's own values lead);
//  - its orders move to the survivor;
//  - its derived relationships (segment, similarity, ...) are dropped: the next analytics run recomputes them;
//  - the survivor's properties become $survivorProperties (its own values plus the fields it lacked, taken from the
//    merged customer; computed by CustomerMerges);
//  - the merged customer becomes a (:MergedCustomer), kept with all its properties under a MERGED log entry on the
//    survivor, which says when, why and what the merge moved, so it can be undone.
// Parameters: $survivorId, $mergedId, $survivorProperties, $merge: {mergeId, at, reason, matchedOn, filledFields,
//             identitySources, identityExternalIds, identityPrimary}.
// Index: constraint customer_id.
MATCH (s:Customer {customerId: $survivorId})
MATCH (m:Customer {customerId: $mergedId})
CALL (s, m) {
  MATCH (i:Identity)-[link:IDENTIFIES]->(m)
  DELETE link
  CREATE (i)-[:IDENTIFIES {primary: false}]->(s)
}
CALL (s, m) {
  MATCH (m)-[placed:PLACED]->(o:Order)
  DELETE placed
  MERGE (s)-[:PLACED]->(o)
}
CALL (m) {
  MATCH (m)-[derived]-()
  WHERE type(derived) <> 'MERGED'
  DELETE derived
}
SET s = $survivorProperties
REMOVE m:Customer
SET m:MergedCustomer
CREATE (s)-[log:MERGED]->(m)
SET log = $merge
