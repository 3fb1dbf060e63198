// Erases one customer's personal data (GDPR right to erasure), keeping anonymised facts for aggregates:
//  - the customer node gets a random id (the pseudonym) and keeps only $kept (country and the analytics figures);
//  - its identities (source ids, emails, phones) and the merged-away profiles in its merge log are deleted;
//  - its SIMILAR relationships, both ways, are deleted (they would let someone find the person by what they bought);
//  - its orders stay, with their lines, but lose the source's customer id and the caller's idempotency key and
//    request fingerprint they arrived with; order and line ids made from the customer's id are renamed ($renames);
//  - audit entries about the customer name the pseudonym instead, without the client's operation name.
// Parameters: $customerId, $pseudonym, $kept (map of the properties to keep),
//             $renames = {orders: [{from, to}], lines: [{from, to}]}.
// Index: constraints customer_id, order_id; audit entries are scanned (an erasure is rare).
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
  REMOVE o.sourceCustomerId, o.idempotencyKey, o.requestFingerprint
}
CALL (c) {
  UNWIND $renames.orders AS rename
  MATCH (c)-[:PLACED]->(o:Order {orderId: rename.from})
  SET o.orderId = rename.to
}
CALL (c) {
  UNWIND $renames.lines AS rename
  MATCH (c)-[:PLACED]->(:Order)-[l:CONTAINS {lineId: rename.from}]->()
  SET l.lineId = rename.to
}
CALL () {
  MATCH (e:AuditEntry)
  WHERE $customerId IN e.customerIds
  SET e.customerIds = [id IN e.customerIds | CASE WHEN id = $customerId THEN $pseudonym ELSE id END],
      e.detail = 'redacted at an erasure'
}
SET c = $kept
SET c.customerId = $pseudonym, c.erased = true
RETURN COUNT { (c)-[:PLACED]->(:Order) } AS ordersKept
