// Erases one customer's personal data (GDPR right to erasure), keeping anonymised facts for aggregates:
//  - the customer node gets a random id and keeps only $kept (country and the analytics figures, no personal field);
//  - its identities (source ids, emails, phones) and the merged-away profiles in its merge log are deleted;
//  - its SIMILAR relationships, both ways, are deleted (they would let someone find the person by what they bought);
//  - its orders stay, with their lines, but lose the source's customer id they arrived with.
// Parameters: $customerId, $pseudonym, $kept (map of the properties to keep). Index: constraint customer_id.
MATCH (c:Customer {customerId: $customerId})
CALL (c) {
  OPTIONAL MATCH (i:Identity)-[:IDENTIFIES]->(c)
  DETACH DELETE i
}
CALL (c) {
  OPTIONAL MATCH (c)-[:MERGED]->(m:MergedCustomer)
  DETACH DELETE m
}
CALL (c) {
  OPTIONAL MATCH (c)-[s:SIMILAR]-()
  DELETE s
}
CALL (c) {
  OPTIONAL MATCH (c)-[:PLACED]->(o:Order)
  REMOVE o.sourceCustomerId
}
SET c = $kept
SET c.customerId = $pseudonym, c.erased = true
RETURN COUNT { (c)-[:PLACED]->(:Order) } AS ordersKept
