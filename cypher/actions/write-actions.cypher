// Writes a page of next best actions onto their customers, with the run they came from.
// Each row: {customerId, action, label, expectedValue, uplift, baseline, reasons, productId}.
// Parameters: $rows, $runId, $decidedAt (datetime). Index: constraint customer_id.
UNWIND $rows AS row
MATCH (c:Customer {customerId: row.customerId})
SET c.nextAction = row.action, c.nextActionLabel = row.label, c.nextActionValue = row.expectedValue,
    c.nextActionUplift = row.uplift, c.nextActionBaseline = row.baseline, c.nextActionReasons = row.reasons,
    c.nextActionProductId = row.productId, c.nextActionRunId = $runId, c.nextActionAt = $decidedAt
