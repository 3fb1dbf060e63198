// Test: the types of a few of the odd values' properties after a round trip (valueType names), and NaN as text.
// Parameters: none.
MATCH (n:OddValues) WHERE n.day IS NOT NULL
RETURN CASE WHEN valueType(n.day) STARTS WITH 'DATE' THEN 'Date' ELSE valueType(n.day) END AS day,
       CASE WHEN valueType(n.at) STARTS WITH 'ZONED DATETIME' THEN 'ZonedDateTime' ELSE valueType(n.at) END AS at,
       CASE WHEN valueType(n.took) STARTS WITH 'DURATION' THEN 'Duration' ELSE valueType(n.took) END AS took,
       CASE WHEN valueType(n.where) STARTS WITH 'POINT' THEN 'Point' ELSE valueType(n.where) END AS where,
       CASE WHEN n.notANumber <> n.notANumber THEN 'NaN' ELSE toString(n.notANumber) END AS notANumber
