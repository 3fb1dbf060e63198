// Records the progress of loading the demo data set, so an interrupted load is resumed and a finished one skipped.
// Parameters: $status ('loading' or 'complete'), $seed.
MERGE (d:CustographDemo {key: 'demo'})
SET d.status = $status, d.seed = $seed, d.updatedAt = datetime()
