// The state of one customer id before a merge or an undo: whether it is a live customer, its properties, the
// identities that resolve to it (with their primary flag), how many orders it placed, and, if it was merged away,
// the customer whose merge log holds it.
// Parameters: $customerId. Indexes: constraint customer_id, index merged_customer_id.
OPTIONAL MATCH (c:Customer {customerId: $customerId})
CALL () {
  OPTIONAL MATCH (holder)-[log:MERGED]->(:MergedCustomer {customerId: $customerId})
  WHERE log.undoneAt IS NULL
  RETURN holder.customerId AS mergedInto
  LIMIT 1
}
RETURN c IS NOT NULL AS live,
       properties(c) AS properties,
       [(i:Identity)-[link:IDENTIFIES]->(c) | {source: i.source, externalId: i.externalId,
                                                primary: coalesce(link.primary, false)}] AS identities,
       COUNT { (c)-[:PLACED]->(:Order) } AS orders,
       mergedInto
