// The merge of $mergedId into $survivorId that is still in effect, with what it moved and filled.
// Parameters: $survivorId, $mergedId. Index: constraint customer_id.
MATCH (s:Customer {customerId: $survivorId})-[log:MERGED]->(m:MergedCustomer {customerId: $mergedId})
WHERE log.undoneAt IS NULL
RETURN log.mergeId AS mergeId, log.filledFields AS filledFields, log.identitySources AS identitySources,
       log.identityExternalIds AS identityExternalIds, log.identityPrimary AS identityPrimary,
       properties(s) AS survivor, properties(m) AS merged
