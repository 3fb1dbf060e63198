// Writes one analytics run's results onto its customers: RFM, probabilistic value, CHAF, and the run they came
// from (valueRunId, valueAsOf). A value the models could not compute is null, which removes the property (no NaN).
// Each row is a list, in this order (a map per row would send every key name once per customer):
//   [0] customerId, [1] recencyDays, [2] frequency, [3] monetary, [4] tenureDays, [5] avgOrderValue,
//   [6] rfmR, [7] rfmF, [8] rfmM, [9] rfmScore, [10] rfmSegment, [11] pAlive, [12] expectedPurchases,
//   [13] expectedAvgSpend, [14] clv, [15] chaf, [16] purchaseDays, [17] firstPurchase, [18] lastPurchase.
// Parameters: $rows, $runId, $asOf (date). Index: constraint customer_id.
UNWIND $rows AS row
MATCH (c:Customer {customerId: row[0]})
SET c.recencyDays = row[1], c.frequency = row[2], c.monetary = row[3], c.tenureDays = row[4],
    c.avgOrderValue = row[5], c.rfmR = row[6], c.rfmF = row[7], c.rfmM = row[8], c.rfmScore = row[9],
    c.rfmSegment = row[10], c.pAlive = row[11], c.expectedPurchases = row[12], c.expectedAvgSpend = row[13],
    c.clv = row[14], c.chaf = row[15], c.purchaseDays = row[16], c.firstPurchase = row[17],
    c.lastPurchase = row[18], c.valueRunId = $runId, c.valueAsOf = $asOf
