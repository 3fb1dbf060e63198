// Writes one analytics run's results onto its customers: RFM, probabilistic value, CHAF, and the run they came
// from (valueRunId, valueAsOf). A value the models could not compute is absent (null), not NaN.
// Parameters: $rows = [{customerId, values: {recencyDays, frequency, monetary, ..., valueRunId, valueAsOf}}].
// Index: constraint customer_id.
UNWIND $rows AS row
MATCH (c:Customer {customerId: row.customerId})
SET c += row.values
