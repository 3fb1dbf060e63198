// The next best action stored on each of a batch of customers (see actions/write-actions); customers without one
// are left out.
// Parameters: $ids. Index: constraint customer_id.
UNWIND $ids AS id
MATCH (c:Customer {customerId: id})
WHERE c.nextAction IS NOT NULL
RETURN id AS customerId, c.nextAction AS action, c.nextActionLabel AS label, c.nextActionValue AS expectedValue,
       c.nextActionUplift AS uplift, c.nextActionBaseline AS baseline, c.nextActionReasons AS reasons,
       c.nextActionProductId AS productId, c.nextActionRunId AS runId, c.nextActionAt AS decidedAt
