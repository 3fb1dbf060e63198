// Logs the merges identity resolution made during an import: a record from one source joined a customer that
// another source already had (same email or phone, or an explicit customer id). The record's own profile is kept
// as a (:MergedCustomer) under the survivor, with the reason, so the merge can be read and undone like a manual one.
// Parameters: $rows = [{survivorId, mergedId, properties, merge: {mergeId, at, reason, matchedOn, matchedValue,
//                       filledFields, identitySources, identityExternalIds, identityPrimary}}].
// Index: constraint customer_id.
UNWIND $rows AS row
MATCH (s:Customer {customerId: row.survivorId})
CREATE (m:MergedCustomer)
SET m = row.properties, m.customerId = row.mergedId
CREATE (s)-[r:MERGED]->(m)
SET r = row.merge
