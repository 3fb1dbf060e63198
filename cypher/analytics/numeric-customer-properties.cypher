// The numeric properties found on a sample of customers: what `segment --features` and `churn --features` accept
// besides the built-in features (a source's browsing time or rating, for instance).
// Parameters: $sample (how many customers to look at).
MATCH (c:Customer)
WITH c LIMIT $sample
UNWIND keys(c) AS key
WITH key, c[key] AS value
WHERE value IS :: INTEGER OR value IS :: FLOAT
RETURN DISTINCT key
ORDER BY key
