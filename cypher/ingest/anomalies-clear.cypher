// Clears the anomaly flags of the previous run, so the flags always describe the data as it is now.
// Parameters: none.
CALL {
  MATCH ()-[l:CONTAINS]->() WHERE l.anomaly IS NOT NULL
  REMOVE l.anomaly, l.anomalyReason
}
CALL {
  MATCH (o:Order) WHERE o.anomaly IS NOT NULL
  REMOVE o.anomaly, o.anomalyReason
}
