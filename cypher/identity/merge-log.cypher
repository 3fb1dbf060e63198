// The merge log of a customer: every merge into it, newest first, undone ones included.
// Parameters: $customerId. Index: constraint customer_id.
MATCH (:Customer {customerId: $customerId})-[log:MERGED]->(m)
RETURN log.mergeId AS mergeId, m.customerId AS mergedId, log.at AS at, log.reason AS reason,
       log.matchedOn AS matchedOn, log.matchedValue AS matchedValue, log.filledFields AS filledFields,
       log.identitySources AS identitySources, log.identityExternalIds AS identityExternalIds,
       log.undoneAt AS undoneAt
ORDER BY log.at DESC
