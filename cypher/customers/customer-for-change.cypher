// What changing or erasing one customer id needs to know: whether it is a live customer (and its properties),
// whether it was merged into another (and which), and whether it was erased.
// Parameters: $customerId. Indexes: constraint customer_id, index merged_customer_id.
OPTIONAL MATCH (c:Customer {customerId: $customerId})
CALL () {
  OPTIONAL MATCH (holder:Customer)-[log:MERGED]->(:MergedCustomer {customerId: $customerId})
  WHERE log.undoneAt IS NULL
  RETURN holder.customerId AS mergedInto
  LIMIT 1
}
RETURN c IS NOT NULL AS live, properties(c) AS properties, mergedInto
